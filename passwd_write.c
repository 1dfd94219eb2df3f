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

static stralloc line;

struct pw {
  struct passwd_change *c;
  const char **why;
  const char **what;
};

static int fail(struct pw *p,const char *why,const char *what,int fdin)
{
  int e = errno;
  if (p->c->r.fd != -1) replace_abort(&p->c->r);
  if (fdin != -1) close(fdin);
  if (p->c->fdlock != -1) close(p->c->fdlock);
  p->c->fdlock = -1;
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

/* Prepares a rewrite of the password file fn, under its own lock
   (fn.lock), with the line of user: replaced by entry, or entry added
   at the end if user has none (PASSWD_SET); entry added, but 1
   (nothing written) if user has a line (PASSWD_NEW); removed if its
   host list is exactly entry, else 1 (PASSWD_DROP). Later lines of
   user go too: tinydnsdyn reads only the first. Every other line is
   kept byte for byte, a missing newline at the end is added before a
   new line; owner and mode are kept; a missing file is made with mode
   0600. 0 if the new version is written and synced to a temporary
   file beside fn, c holding it and the lock: passwd_write_commit puts
   it in place, passwd_write_abort drops it; every step that can be
   refused (the lock, the directory, the owner) is behind us then.
   1 if refused, -1 on error with errno, *why ("unable to read ") and
   *what (a file name) set; in both cases nothing is held or left. */
int passwd_write_begin(struct passwd_change *c,const char *fn,const stralloc *user,const stralloc *entry,int mode,const char **why,const char **what)
{
  char ibuf[BUFFER_INSIZE];
  char obuf[BUFFER_OUTSIZE];
  struct pw p;
  buffer fin;
  buffer fout;
  struct stat st;
  int fdin;
  int match;
  int atstart = 1;  /* the next piece begins a line */
  int dropping = 0; /* the current line is a line of user */
  int found = 0;    /* user has a line */
  int refused = 0;
  int lastnl = 1;   /* the file so far ends with a newline */

  p.c = c; p.why = why; p.what = what;
  c->r.fd = -1;
  c->fdlock = -1;
  if (!stralloc_copys(&c->lockfn,fn) || !stralloc_cats(&c->lockfn,".lock") || !stralloc_0(&c->lockfn)) {
    errno = ENOMEM;
    return fail(&p,"out of memory","",-1);
  }
  c->fdlock = open(c->lockfn.s,O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC,0600);
  if (c->fdlock == -1) return fail(&p,"unable to open ",c->lockfn.s,-1);
  while (flock(c->fdlock,LOCK_EX) == -1)
    if (errno != EINTR) return fail(&p,"unable to lock ",c->lockfn.s,-1);

  fdin = open(fn,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) {
    if (errno != ENOENT) return fail(&p,"unable to read ",fn,-1);
    st.st_mode = 0600; /* a new file: for the service's account to read */
    st.st_uid = geteuid();
    st.st_gid = getegid();
  }
  else if (fstat(fdin,&st) == -1) return fail(&p,"unable to stat ",fn,fdin);

  if (replace_open(&c->r,fn,st.st_mode & 07777) == -1) return fail(&p,"unable to create a temporary file for ",fn,fdin);
  /* keep the owner: the service reads this file as its own account */
  if (st.st_uid != geteuid() || st.st_gid != getegid())
    if (fchown(c->r.fd,st.st_uid,st.st_gid) == -1) return fail(&p,"unable to chown ",c->r.tmp.s,fdin);
  buffer_init(&fout,buffer_unixwrite,c->r.fd,obuf,sizeof obuf);

  if (fdin != -1) {
    buffer_init(&fin,buffer_unixread,fdin,ibuf,sizeof ibuf);
    for (;;) {
      if (getln(&fin,&line,&match,'\n',PASSWD_PIECEMAX) == -1) return fail(&p,"unable to read ",fn,fdin);
      if (!line.len) break;
      if (atstart) {
        dropping = isuser(user);
        if (dropping && !found) {
          found = 1;
          if (mode == PASSWD_NEW) refused = 1;
          if (mode == PASSWD_DROP && (!match || !hasdomains(user,entry))) refused = 1;
          if (mode == PASSWD_SET)
            if (buffer_put(&fout,entry->s,entry->len) == -1) return fail(&p,"unable to write ",c->r.tmp.s,fdin);
        }
      }
      if (!dropping) {
        if (buffer_put(&fout,line.s,line.len) == -1) return fail(&p,"unable to write ",c->r.tmp.s,fdin);
        lastnl = match;
      }
      atstart = match;
    }
    close(fdin);
    fdin = -1;
  }
  if (mode == PASSWD_DROP && !found) refused = 1;
  if (refused) { passwd_write_abort(c); return 1; }
  if (!found && mode != PASSWD_DROP) {
    if (!lastnl && buffer_put(&fout,"\n",1) == -1) return fail(&p,"unable to write ",c->r.tmp.s,-1);
    if (buffer_put(&fout,entry->s,entry->len) == -1) return fail(&p,"unable to write ",c->r.tmp.s,-1);
  }
  if (buffer_flush(&fout) == -1) return fail(&p,"unable to write ",c->r.tmp.s,-1);
  if (replace_done(&c->r,1) == -1) return fail(&p,"unable to write ",c->r.tmp.s,-1);
  return 0;
}

/* Puts the new version that passwd_write_begin prepared in place and
   lets the lock go. 0; -1 on error with errno, *why and *what set,
   the temporary file removed, the lock let go. */
int passwd_write_commit(struct passwd_change *c,const char **why,const char **what)
{
  struct pw p;

  p.c = c; p.why = why; p.what = what;
  if (replace_rename(&c->r) == -1) return fail(&p,"unable to rename ",c->r.tmp.s,-1);
  replace_syncdir(c->r.fn);
  close(c->fdlock);
  c->fdlock = -1;
  return 0;
}

/* Drops what passwd_write_begin prepared, if anything: the temporary
   file goes, the lock is let go; errno is kept. */
void passwd_write_abort(struct passwd_change *c)
{
  int e = errno;

  if (c->fdlock == -1) return;
  replace_abort(&c->r);
  close(c->fdlock);
  c->fdlock = -1;
  errno = e;
}

/* The whole rewrite (passwd_write_begin, then passwd_write_commit):
   0 if written, 1 if refused, -1 on error with errno, *why and *what
   set; no temporary file is left. */
int passwd_write(const char *fn,const stralloc *user,const stralloc *entry,int mode,const char **why,const char **what)
{
  static struct passwd_change c;
  int x;

  x = passwd_write_begin(&c,fn,user,entry,mode,why,what);
  if (x) return x;
  return passwd_write_commit(&c,why,what);
}
