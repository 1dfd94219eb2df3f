#include <dirent.h>
#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "byte.h"
#include "fmt.h"
#include "scan.h"
#include "str.h"
#include "stralloc.h"
#include "alloc.h"
#include "buffer.h"
#include "datadir.h"
#include "dnsname.h"
#include "ip4.h"
#include "dyn.h"

/* Group commit's hand-off. A handler with a change leaves it in
   DATA.req.ID before it waits for the data lock; whoever holds the
   lock applies every waiting change in one rewrite (dyn_apply) and
   appends each one's answer to its entry, for its handler to read
   (and remove the entry) when it gets the lock in turn. One file per
   waiting change, made once: a burst of changes costs the directory
   one create and one unlink each. Nothing is synced: a change whose
   handler dies before its answer was never answered good. A handler
   holds a shared flock on its entry from just after creating it until
   it is done: an entry nobody holds is a dead handler's (or one being
   created) and is dropped unapplied, and so is one past its handler's
   deadline, so an old change never comes back; a handler whose entry
   was dropped finds no answer and applies its change itself.

   An entry is trusted only as far as it must be. It is read only if
   this account wrote it: a plain file of its own, open to nobody else,
   never through a symlink (others may create files in a ROOT of mode
   1777). It carries what the change asks (mode, addresses, values,
   clock), whose user asks, and the host names; never what the user may
   do: the leader checks the names against the user's host list again
   (dyn_opts.recheck), and the limits are the leader's own. Everything
   read is checked again as input (sane, dnsname_fqdn). An entry:
     MAGIC, a size check, the deadline (4 bytes each), the head of
     struct dyn_req (what it asks), the user (4 bytes of length, then
     the name), the number of hosts, then each host: ok (1 byte), the
     length of its name and its name (empty if not ok: the answer to
     such a host is known, notfqdn, and its name is its handler's)
   and, once applied, the answer: the generation, a newline, and each
   host's struct dyn_result. */

#define MAGIC "tdq2"
#define NAMEMAX 255
#define USERMAX 1024

static stralloc fn1;
static unsigned int putlen; /* the size of this handler's entry: its answer follows */
#define HEAD (offsetof(struct dyn_req,deadline))
#define CHECK (HEAD + sizeof (struct dyn_result))
#define ENTRYMAX (16 + HEAD + USERMAX + DYN_HOSTMAX * (5 + NAMEMAX))

static stralloc sb; /* an entry or an answer, as written or read */
#define buf sb.s

static void put4(char *s,unsigned long u)
{
  s[0] = u; s[1] = u >> 8; s[2] = u >> 16; s[3] = u >> 24;
}

static unsigned long get4(const char *s)
{
  const unsigned char *u = (const unsigned char *) s;
  return u[0] | ((unsigned long) u[1] << 8) | ((unsigned long) u[2] << 16) | ((unsigned long) u[3] << 24);
}

static int put4sa(unsigned long u)
{
  char x[4];
  put4(x,u);
  return stralloc_catb(&sb,x,4);
}

/* id gets a name no other handler uses: pid, seconds, nanoseconds */
int dyn_spool_id(stralloc *id)
{
  struct timespec t;

  clock_gettime(CLOCK_REALTIME,&t);
  return stralloc_copys(id,"") && stralloc_catulong(id,(unsigned long) getpid())
      && stralloc_append(id,'.') && stralloc_catulong(id,(unsigned long) t.tv_sec)
      && stralloc_append(id,'.') && stralloc_catulong(id,(unsigned long) t.tv_nsec);
}

static int name(const char *fn,const char *kind,const stralloc *id)
{
  return stralloc_copys(&fn1,fn) && stralloc_cats(&fn1,kind)
      && stralloc_catb(&fn1,id->s,id->len) && stralloc_0(&fn1);
}

/* q as an entry in sb; 0 if out of memory */
static int entry(const struct dyn_req *q,unsigned long deadline)
{
  const struct dyn_host *h;
  unsigned int i;

  if (!stralloc_copys(&sb,MAGIC) || !put4sa(CHECK) || !put4sa(deadline)) return 0;
  if (!stralloc_catb(&sb,(const char *) q,HEAD)) return 0;
  if (!put4sa(q->user.len) || !stralloc_cat(&sb,&q->user)) return 0;
  if (!put4sa(q->nh)) return 0;
  for (i = 0;i < q->nh;++i) {
    h = &q->h[i];
    if (!stralloc_append(&sb,h->ok ? 1 : 0)) return 0;
    if (!put4sa(h->ok ? h->name.len : 0)) return 0;
    if (h->ok && !stralloc_cat(&sb,&h->name)) return 0;
  }
  return 1;
}

/* Leaves request q, whose handler waits until deadline (deadline_at:
   the shared monotonic clock), as DATA.req.ID (fn is DATA). Returns a
   descriptor of it, holding its shared lock, to keep open while
   waiting and to read the answer from (dyn_spool_result); -1 on
   error. */
int dyn_spool_put(const struct dyn_req *q,const char *fn,const stralloc *id,unsigned long deadline)
{
  int fd;
  int e;

  if (!name(fn,DATADIR_REQ,id) || !entry(q,deadline)) { errno = ENOMEM; return -1; }
  if (sb.len > ENTRYMAX || q->user.len > USERMAX) { errno = EINVAL; return -1; }
  fd = open(fn1.s,O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,0600);
  if (fd == -1) return -1;
  if (flock(fd,LOCK_SH) == -1 || allwrite(buffer_unixwrite,fd,buf,sb.len) == -1) {
    e = errno;
    unlink(fn1.s);
    close(fd);
    errno = e;
    return -1;
  }
  putlen = sb.len;
  return fd;
}

/* buf gets the bytes of fd from offset off on, at most ENTRYMAX (more
   is not one of ours); *len their number. 0 or -1. */
static int readat(int fd,unsigned long off,unsigned int *len)
{
  int r;

  *len = 0;
  sb.len = 0;
  for (;;) {
    if (!stralloc_readyplus(&sb,4096)) { errno = ENOMEM; return -1; }
    r = pread(fd,buf + *len,sb.a - *len,(off_t) (off + *len));
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    if (!r) return 0;
    *len += r;
    sb.len = *len;
    if (*len >= ENTRYMAX) return 0;
  }
}

/* buf gets the entry f: 1; 0 if it is not there or no live handler
   holds it; 3 if this account did not write it (someone else's file,
   or one others may open); -1 on error */
static int readentry(const char *f,unsigned int *len)
{
  struct stat st;
  int fd;
  int r;

  fd = open(f,O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd == -1) return errno == ENOENT ? 0 : errno == ELOOP ? 3 : -1;
  if (fstat(fd,&st) == -1) r = -1;
  else if (!S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077)) r = 3;
  else if (flock(fd,LOCK_EX | LOCK_NB) == 0) r = 0; /* nobody holds it */
  else if (errno != EWOULDBLOCK) r = -1;
  else r = readat(fd,0,len) == -1 ? -1 : 1;
  if (r == -1) { r = errno; close(fd); errno = r; return -1; }
  close(fd);
  return r;
}

/* Removes the entry DATA.req.ID, if it is there. 0 or -1. */
int dyn_spool_drop(const char *fn,const stralloc *id)
{
  if (!name(fn,DATADIR_REQ,id)) { errno = ENOMEM; return -1; }
  if (unlink(fn1.s) == -1 && errno != ENOENT) return -1;
  return 0;
}

/* An entry is this build's own writing, but a file is input all the
   same: 1 if the head of q has every number in its bounds and the
   IPv4 text the one its address gives (that text goes into data.dyn;
   TXT values are escaped on the way, dyn_txtend) */
static int sane(const struct dyn_req *q)
{
  char text[IP4_FMT];
  unsigned int i;

  if (q->mode != DYN_SET && q->mode != DYN_KEEP && q->mode != DYN_TXT) return 0;
  if (q->addr.has4 && (q->addr.len4 != ip4_fmt(text,q->addr.ip4) || !byte_equal(text,q->addr.len4,q->addr.text4))) return 0;
  if (q->addr.len6 > sizeof q->addr.text6 || q->addr.prefix6 > 127) return 0;
  if (q->txt.n > DYN_TXTMAX) return 0;
  if (q->mode == DYN_TXT && (q->txt.action < DYN_TXTADD || q->txt.action > DYN_TXTROLL)) return 0;
  for (i = 0;i < q->txt.n;++i) if (q->txt.len[i] > DYN_TXTLEN) return 0;
  return 1;
}

/* Reads the entry DATA.req.ID into q (its hosts and names kept and
   reused). 1 if q holds a change to apply, its hosts not yet allowed
   (the caller checks them against its user); 2 if it has its answer
   already (leave it to its handler); 0 if there is none to apply
   (gone, its handler dead, short, not this build's, or past its
   deadline at now: dyn_spool_drop it); 3 if this account did not write
   it: never read (drop it if it can); -1 on error. */
int dyn_spool_read(struct dyn_req *q,const char *fn,const stralloc *id,unsigned long now)
{
  struct dyn_host *h;
  unsigned int len;
  unsigned int pos;
  unsigned int n;
  unsigned int nh;
  unsigned int i;
  int r;

  if (!name(fn,DATADIR_REQ,id)) { errno = ENOMEM; return -1; }
  r = readentry(fn1.s,&len);
  if (r != 1) return r;
  if (len < 12 + HEAD + 8 || !byte_equal(buf,4,MAGIC) || get4(buf + 4) != CHECK) return 0;
  /* its handler gives up at deadline or later: taken only if it still
     waits for more than DYN_MARGIN seconds (dyn_apply checks again) */
  if (dyn_late(get4(buf + 8),now)) return 0;
  byte_copy((char *) q,HEAD,buf + 12);
  q->deadline = get4(buf + 8);
  if (!sane(q)) return 0;
  pos = 12 + HEAD;
  n = get4(buf + pos);
  pos += 4;
  if (n > USERMAX || len - pos < n + 4) return 0;
  if (!stralloc_copyb(&q->user,buf + pos,n)) { errno = ENOMEM; return -1; }
  pos += n;
  nh = get4(buf + pos);
  pos += 4;
  if (nh > DYN_HOSTMAX || nh == 0) return 0;
  if (!dyn_req_hosts(q,nh)) { errno = ENOMEM; return -1; }
  for (i = 0;i < nh;++i) {
    h = &q->h[i];
    if (len - pos < 5) return 0;
    h->ok = buf[pos] == 1;
    n = get4(buf + pos + 1);
    pos += 5;
    if (n > NAMEMAX || len - pos < n) return 0;
    if (h->ok) {
      /* a name that goes into data.dyn (a TXT request's lines): a
         host name, as the handler checked it, or not ours */
      errno = 0;
      if (!dnsname_fqdn(&h->name,buf + pos,n)) return errno == ENOMEM ? -1 : 0;
    }
    pos += n;
  }
  dyn_txtnames(q);
  if (pos < len) return 2; /* an answer follows */
  return 1;
}

/* Appends the answer to request q, applied in generation gen, to its
   entry DATA.req.ID, in one write. 0 or -1. */
int dyn_spool_answer(const struct dyn_req *q,const char *fn,const stralloc *id,unsigned long gen)
{
  static stralloc out;
  unsigned int i;
  int fd;
  int r;

  if (!name(fn,DATADIR_REQ,id)) { errno = ENOMEM; return -1; }
  if (!stralloc_copys(&out,"") || !stralloc_catulong(&out,gen) || !stralloc_append(&out,'\n')) { errno = ENOMEM; return -1; }
  for (i = 0;i < q->nh;++i)
    if (!stralloc_catb(&out,(const char *) &q->h[i].r,sizeof q->h[i].r)) { errno = ENOMEM; return -1; }
  fd = open(fn1.s,O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
  if (fd == -1) return -1;
  r = allwrite(buffer_unixwrite,fd,out.s,out.len);
  if (close(fd) == -1) r = -1;
  return r;
}

/* The answer to this handler's request q, if a rewrite has given it,
   from its entry fd (dyn_spool_put): each host's result, and *gen the
   generation it was applied in. 1 if there is one, 0 if not (none,
   or half of one from a leader killed while writing it), -1 on
   error. */
int dyn_spool_result(struct dyn_req *q,int fd,unsigned long *gen)
{
  struct dyn_result r;
  unsigned int len;
  unsigned int pos;
  unsigned int i;

  if (readat(fd,putlen,&len) == -1) return -1;
  pos = scan_ulong(buf,gen);
  if (!pos || pos >= len || buf[pos] != '\n') return 0;
  ++pos;
  if (len - pos != q->nh * sizeof r) return 0;
  for (i = 0;i < q->nh;++i,pos += sizeof r) {
    byte_copy((char *) &r,sizeof r,buf + pos);
    if (r.code <= 0 || r.code >= DYN_CODES) return 0;
    q->h[i].r = r;
  }
  return 1;
}

/* The next waiting entry's ID, from a look at the current directory
   that this call starts if none is going on: 1 if found, 0 at the end
   (the look is over), -1 on error; the caller holds the data lock.
   Whatever has the entries' prefix is an entry to read: one that is not
   (short, not ours, its handler gone) is dropped then. */
int dyn_spool_next(const char *fn,stralloc *id)
{
  static DIR *dir;
  static stralloc req;
  struct dirent *d;

  if (!dir) {
    if (!stralloc_copys(&req,fn) || !stralloc_cats(&req,DATADIR_REQ) || !stralloc_0(&req)) return -1;
    dir = opendir(".");
    if (!dir) return -1;
  }
  while ((d = readdir(dir)))
    if (str_start(d->d_name,req.s)) {
      if (!stralloc_copys(id,d->d_name + req.len - 1)) return -1;
      return 1;
    }
  closedir(dir);
  dir = 0;
  return 0;
}
