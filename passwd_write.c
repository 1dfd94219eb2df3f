#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "getln.h"
#include "stralloc.h"
#include "replace.h"
#include "passwd.h"

static stralloc lockfn;
static stralloc line;
static struct replace r;

struct pw {
  const char *fn;
  const char **why;
  const char **what;
};

static int fail(struct pw *p,const char *why,const char *what,int fdlock,int fdin)
{
  int e = errno;
  if (r.fd != -1) replace_abort(&r);
  if (fdin != -1) close(fdin);
  if (fdlock != -1) close(fdlock);
  *p->why = why;
  *p->what = what;
  errno = e;
  return -1;
}

/* the piece in line begins a line of user */
static int isuser(const stralloc *user)
{
  return line.len > user->len && line.s[user->len] == ':'
      && byte_equal(line.s,user->len,user->s);
}

/* the line of user in line (one whole line) has host list d */
static int hasdomains(const stralloc *user,const stralloc *d)
{
  unsigned int len = line.len;
  unsigned int i;

  while (len && (line.s[len - 1] == '\n' || line.s[len - 1] == '\r')) --len;
  i = user->len + 1;
  i += byte_chr(line.s + i,len - i,':');
  if (i == len) return 0;
  ++i;
  return len - i == d->len && byte_equal(line.s + i,d->len,d->s);
}

/* Rewrites the password file fn under its own lock (fn.lock) with the
   line of user: replaced by entry, or entry added at the end if user
   has none (PASSWD_SET); entry added, but 1 (nothing written) if user
   has a line (PASSWD_NEW); removed if its host list is exactly entry,
   else 1 (PASSWD_DROP). Later lines of user go too: tinydnsdyn reads
   only the first. Every other line is kept byte for byte, a missing
   newline at the end is added before a new line; owner and mode are
   kept; a missing file is created with mode 0600. The new file is
   synced and renamed over the old one (replace). 0 if written, 1 if
   refused, -1 on error with errno, *why ("unable to read ") and *what
   (a file name) set; no temporary file is left. */
int passwd_write(const char *fn,const stralloc *user,const stralloc *entry,int mode,const char **why,const char **what)
{
  char ibuf[BUFFER_INSIZE];
  char obuf[BUFFER_OUTSIZE];
  struct pw p;
  buffer fin;
  buffer fout;
  struct stat st;
  int fdlock;
  int fdin;
  int match;
  int atstart = 1;  /* the next piece begins a line */
  int dropping = 0; /* the current line is a line of user */
  int found = 0;    /* user has a line */
  int refused = 0;
  int lastnl = 1;   /* the file so far ends with a newline */

  p.fn = fn; p.why = why; p.what = what;
  r.fd = -1;
  if (!stralloc_copys(&lockfn,fn) || !stralloc_cats(&lockfn,".lock") || !stralloc_0(&lockfn)) {
    errno = ENOMEM;
    return fail(&p,"out of memory","",-1,-1);
  }
  fdlock = open(lockfn.s,O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC,0600);
  if (fdlock == -1) return fail(&p,"unable to open ",lockfn.s,-1,-1);
  while (flock(fdlock,LOCK_EX) == -1)
    if (errno != EINTR) return fail(&p,"unable to lock ",lockfn.s,fdlock,-1);

  fdin = open(fn,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) {
    if (errno != ENOENT) return fail(&p,"unable to read ",fn,fdlock,-1);
    st.st_mode = 0600; /* a new file: for the service's account to read */
    st.st_uid = geteuid();
    st.st_gid = getegid();
  }
  else if (fstat(fdin,&st) == -1) return fail(&p,"unable to stat ",fn,fdlock,fdin);

  if (replace_open(&r,fn,st.st_mode & 07777) == -1) return fail(&p,"unable to create a temporary file for ",fn,fdlock,fdin);
  /* keep the owner: the service reads this file as its own account */
  if (st.st_uid != geteuid() || st.st_gid != getegid())
    if (fchown(r.fd,st.st_uid,st.st_gid) == -1) return fail(&p,"unable to chown ",r.tmp.s,fdlock,fdin);
  buffer_init(&fout,buffer_unixwrite,r.fd,obuf,sizeof obuf);

  if (fdin != -1) {
    buffer_init(&fin,buffer_unixread,fdin,ibuf,sizeof ibuf);
    for (;;) {
      if (getln(&fin,&line,&match,'\n',PASSWD_PIECEMAX) == -1) return fail(&p,"unable to read ",fn,fdlock,fdin);
      if (!line.len) break;
      if (atstart) {
        dropping = isuser(user);
        if (dropping && !found) {
          found = 1;
          if (mode == PASSWD_NEW) refused = 1;
          if (mode == PASSWD_DROP && (!match || !hasdomains(user,entry))) refused = 1;
          if (mode == PASSWD_SET)
            if (buffer_put(&fout,entry->s,entry->len) == -1) return fail(&p,"unable to write ",r.tmp.s,fdlock,fdin);
        }
      }
      if (!dropping) {
        if (buffer_put(&fout,line.s,line.len) == -1) return fail(&p,"unable to write ",r.tmp.s,fdlock,fdin);
        lastnl = match;
      }
      atstart = match;
    }
    close(fdin);
    fdin = -1;
  }
  if (mode == PASSWD_DROP && !found) refused = 1;
  if (refused) { replace_abort(&r); r.fd = -1; close(fdlock); return 1; }
  if (!found && mode != PASSWD_DROP) {
    if (!lastnl && buffer_put(&fout,"\n",1) == -1) return fail(&p,"unable to write ",r.tmp.s,fdlock,-1);
    if (buffer_put(&fout,entry->s,entry->len) == -1) return fail(&p,"unable to write ",r.tmp.s,fdlock,-1);
  }
  if (buffer_flush(&fout) == -1) return fail(&p,"unable to write ",r.tmp.s,fdlock,-1);
  if (replace_done(&r,1) == -1) { r.fd = -1; return fail(&p,"unable to write ",r.tmp.s,fdlock,-1); }
  if (replace_rename(&r) == -1) return fail(&p,"unable to rename ",r.tmp.s,fdlock,-1);
  replace_syncdir(fn);
  close(fdlock);
  return 0;
}
