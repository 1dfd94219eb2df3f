#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include "byte.h"
#include "buffer.h"
#include "getln.h"
#include "auth.h"

/* Used when the user is unknown, so that a wrong user name costs as
   much time as a wrong password. */
static const char dummy[] = "$y$j9T$tinydnsdyndummy0$g7bwa64yJ0oSPsDjwZt7sTHScNqP3me3XKuTTdJmPI9";

static stralloc line;
static stralloc hash;
static int flags;
static stralloc phrase;

/* same file, same contents as far as stat can tell */
static int same(const struct stat *a,const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino
      && a->st_size == b->st_size
      && a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec
      && a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* changed within the last AUTH_FRESHMS (or in the future, a little):
   a writer may still be at it */
static int fresh(const struct stat *st)
{
  struct timespec now;
  long long ms;

  clock_gettime(CLOCK_REALTIME,&now);
  ms = (long long) (now.tv_sec - st->st_ctim.tv_sec) * 1000
     + (now.tv_nsec - st->st_ctim.tv_nsec) / 1000000;
  return ms < AUTH_FRESHMS && ms > -AUTH_FRESHMS;
}

/* One reading of the password file fn, looking for user. -1 on error
   (errno). Else 1 if the reading was steady: the file did not change
   while it was read (the same file, size and times before and after)
   and every byte of it was read; 0 if not. *st: the file as read.
   *found: the user's entry was there (hash and domains filled; the
   first one counts); *whole: it ended with a newline, so it cannot be
   cut short by a writer still at work. */
static int readonce(const char *fn,const char *user,unsigned int ulen,stralloc *domains,struct stat *st,int *found,int *whole)
{
  char space[BUFFER_INSIZE];
  struct stat after;
  unsigned long long bytes = 0;
  buffer b;
  int fd;
  int match;
  unsigned int len;
  unsigned int i;
  int e;

  *found = *whole = 0;
  flags = 0;
  if (!stralloc_copys(domains,"")) return -1;
  fd = open(fn,O_RDONLY | O_CLOEXEC);
  if (fd == -1) return -1;
  if (fstat(fd,st) == -1) goto fail;
  buffer_init(&b,buffer_unixread,fd,space,sizeof space);
  for (;;) {
    if (getln(&b,&line,&match,'\n',AUTH_LINEMAX) == -1) goto fail;
    if (!line.len) break;
    bytes += line.len;
    len = line.len;
    if (!match && len == AUTH_LINEMAX) {
      /* overlong line: skip the rest of it, it is nobody's entry */
      do {
        if (getln(&b,&line,&match,'\n',AUTH_LINEMAX) == -1) goto fail;
        bytes += line.len;
      } while (!match && line.len);
      continue;
    }
    while (len && (line.s[len - 1] == '\n' || line.s[len - 1] == '\r')) --len;
    if (*found) continue; /* keep reading: same I/O whoever asks */
    i = byte_chr(line.s,len,':');
    if (i == len || i != ulen || byte_diff(line.s,ulen,user)) continue;
    *found = 1;
    *whole = match;
    ++i;
    len -= i;
    byte_copy(line.s,len,line.s + i);
    i = byte_chr(line.s,len,':');
    if (!stralloc_copyb(&hash,line.s,i)) goto fail;
    if (i < len) {
      /* the domain list, then the flags (no host name has a colon) */
      ++i;
      len -= i;
      byte_copy(line.s,len,line.s + i);
      i = byte_chr(line.s,len,':');
      if (!stralloc_copyb(domains,line.s,i)) goto fail;
      if (i < len) flags = auth_flagword(line.s + i + 1,len - i - 1);
    }
  }
  if (fstat(fd,&after) == -1) goto fail;
  close(fd);
  return same(st,&after) && bytes == (unsigned long long) st->st_size;

  fail:
  e = errno;
  close(fd);
  errno = e;
  return -1;
}

/* The entry of user in the htpasswd-style file fn
   (user:hash[:domains[:flags]]) read whole, no password asked
   (auth_check asks it; a change read back from a waiting entry has its
   hosts checked again against the list its user has now): 1 if found
   (domains, *fl and the hash filled), 0 if not (domains empty, *fl 0,
   the hash the dummy), -1 if the file could not be read (errno;
   EAGAIN: it kept changing).

   htpasswd rewrites the file in place (truncates, then writes), so a
   reading may catch it half written: that must not turn into a wrong
   verdict. Only a steady reading counts (readonce); an entry found
   whole is taken at once; that the user is not there, or that the
   entry ends without a newline, is believed only of a file nobody has
   changed for AUTH_FRESHMS. Otherwise the file is read again a little
   later, at most AUTH_READTRIES times. */
int auth_domains(const char *fn,const char *user,unsigned int ulen,stralloc *domains,int *fl)
{
  struct stat st;
  unsigned int tries;
  int found;
  int whole;
  int r;

  for (tries = 1;;++tries) {
    if (!stralloc_copys(&hash,dummy)) return -1;
    r = readonce(fn,user,ulen,domains,&st,&found,&whole);
    if (r == -1) return -1;
    if (r && found && whole) break;
    if (r && !fresh(&st)) break;
    if (tries >= AUTH_READTRIES) { errno = EAGAIN; return -1; }
    poll(0,0,AUTH_RETRYMS);
  }
  if (!found && !stralloc_copys(domains,"")) return -1;
  *fl = found ? flags : 0;
  return found;
}

/* Looks user up in the htpasswd-style file fn (auth_domains) and verifies
   pass (auth_verify: every hash htpasswd writes but plain text). 1:
   good, domains holds the user's domain list (empty: any host) and *fl
   its flags (AUTH_ACME: challenges only); 2:
   the same, but the entry's hash is a weak one. 0: unknown user, wrong
   password, or an entry that is no hash we accept; *note then says
   which of these for the log (0: a wrong password), never the client,
   who hears the same badauth in the same time for all. -1: the file
   could not be read, or the password could not be checked (crypt(3)
   out of memory), errno set; EAGAIN: the file kept changing. */
int auth_check(const char *fn,const char *user,unsigned int ulen,const char *pass,unsigned int plen,stralloc *domains,int *fl,const char **note)
{
  int found;
  int ok;
  int weak;

  found = auth_domains(fn,user,ulen,domains,fl);
  if (found == -1) return -1;
  *note = found ? 0 : AUTH_UNKNOWN;

  if (byte_chr(pass,plen,0) < plen) found = 0; /* NUL cannot be in a crypt phrase */
  if (!stralloc_copyb(&phrase,pass,plen) || !stralloc_0(&phrase)) return -1;
  if (!stralloc_0(&hash)) return -1;
  ok = auth_verify(phrase.s,plen,hash.s,hash.len - 1,&weak);
  if (ok == -1) {
    /* plain text or no hash at all: costs what a wrong password costs */
    if (found) *note = AUTH_NOHASH;
    found = 0;
    ok = auth_verify(phrase.s,plen,dummy,sizeof dummy - 1,&weak);
  }
  byte_zero(phrase.s,phrase.len);
  if (ok == -2) { stralloc_copys(domains,""); return -1; } /* errno set */
  if (!found || ok != 1) { stralloc_copys(domains,""); *fl = 0; return 0; }
  return weak ? 2 : 1;
}
