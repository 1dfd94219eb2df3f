#include <fcntl.h>
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
static stralloc phrase;

/* Looks user up in the htpasswd-style file fn (user:hash[:domains]) and
   verifies pass (auth_verify: every hash htpasswd writes but plain
   text). 1: good, domains holds the user's domain list (empty: any
   host); 2: the same, but the entry's hash is a weak one. 0: unknown
   user, wrong password, or an entry that is no hash we accept.
   -1: the file could not be read (errno set). */
int auth_check(const char *fn,const char *user,unsigned int ulen,const char *pass,unsigned int plen,stralloc *domains)
{
  char space[BUFFER_INSIZE];
  buffer b;
  int fd;
  int match;
  int found = 0;
  unsigned int len;
  unsigned int i;
  int ok;
  int weak;

  if (!stralloc_copys(domains,"")) return -1;
  if (!stralloc_copys(&hash,dummy)) return -1;
  fd = open(fn,O_RDONLY | O_CLOEXEC);
  if (fd == -1) return -1;
  buffer_init(&b,buffer_unixread,fd,space,sizeof space);
  for (;;) {
    if (getln(&b,&line,&match,'\n',AUTH_LINEMAX) == -1) { close(fd); return -1; }
    if (!line.len) break;
    len = line.len;
    if (!match && len == AUTH_LINEMAX) {
      /* overlong line: skip the rest of it, it is nobody's entry */
      do {
        if (getln(&b,&line,&match,'\n',AUTH_LINEMAX) == -1) { close(fd); return -1; }
      } while (!match && line.len);
      continue;
    }
    while (len && (line.s[len - 1] == '\n' || line.s[len - 1] == '\r')) --len;
    if (found) continue; /* keep reading: same I/O whoever asks */
    i = byte_chr(line.s,len,':');
    if (i == len || i != ulen || byte_diff(line.s,ulen,user)) continue;
    found = 1;
    ++i;
    len -= i;
    byte_copy(line.s,len,line.s + i);
    i = byte_chr(line.s,len,':');
    if (!stralloc_copyb(&hash,line.s,i)) { close(fd); return -1; }
    if (i < len)
      if (!stralloc_copyb(domains,line.s + i + 1,len - i - 1)) { close(fd); return -1; }
  }
  close(fd);

  if (byte_chr(pass,plen,0) < plen) found = 0; /* NUL cannot be in a crypt phrase */
  if (!stralloc_copyb(&phrase,pass,plen) || !stralloc_0(&phrase)) return -1;
  if (!stralloc_0(&hash)) return -1;
  ok = auth_verify(phrase.s,plen,hash.s,hash.len - 1,&weak);
  if (ok == -1) {
    /* plain text or no hash at all: costs what a wrong password costs */
    found = 0;
    auth_verify(phrase.s,plen,dummy,sizeof dummy - 1,&weak);
  }
  byte_zero(phrase.s,phrase.len);
  if (!found || ok != 1) { stralloc_copys(domains,""); return 0; }
  return weak ? 2 : 1;
}
