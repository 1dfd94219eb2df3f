#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "stralloc.h"
#include "dyn.h"

const char *dyn_why = "";
static stralloc lockfn;
static stralloc tmpfn;

static int fail(const char *why,int fdin,int fdtmp)
{
  int e = errno;
  if (fdtmp != -1) { close(fdtmp); unlink(tmpfn.s); }
  if (fdin != -1) close(fdin);
  dyn_why = why;
  errno = e;
  return -1;
}

static int changes(struct dyn_host *h,unsigned int nh)
{
  unsigned int i;
  for (i = 0;i < nh;++i) if (h[i].changed) return 1;
  return 0;
}

/* Edits the data file fn in the current directory for this request.
   Takes the exclusive lock fn.lock and leaves it held in *lockfd (the
   caller keeps it through make, so one make sees one state). Returns 1
   if fn was replaced, 0 if nothing had to change (nothing written),
   -1 on error with errno and dyn_why set; fn is then as it was and no
   temporary file is left. */
int dyn_update(const char *fn,struct dyn_host *h,unsigned int nh,const struct dyn_addr *a,int *lockfd)
{
  struct stat st;
  int fdin;
  int fdtmp;
  int fddir;

  *lockfd = -1;
  if (!stralloc_copys(&lockfn,fn) || !stralloc_cats(&lockfn,".lock") || !stralloc_0(&lockfn))
    return fail("out of memory",-1,-1);
  *lockfd = open(lockfn.s,O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,0600);
  if (*lockfd == -1) return fail("unable to open lock file",-1,-1);
  while (flock(*lockfd,LOCK_EX) == -1)
    if (errno != EINTR) return fail("unable to lock",-1,-1);

  fdin = open(fn,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) return fail("unable to open data file",-1,-1);
  if (fstat(fdin,&st) == -1) return fail("unable to stat data file",fdin,-1);
  if (dyn_pass(fdin,-1,h,nh,a) == -1) return fail("unable to read data file",fdin,-1);
  if (!changes(h,nh)) { close(fdin); return 0; }

  if (!stralloc_copys(&tmpfn,fn) || !stralloc_cats(&tmpfn,".tmp.")
      || !stralloc_catulong(&tmpfn,(unsigned long) getpid())
      || !stralloc_append(&tmpfn,'.')
      || !stralloc_catulong(&tmpfn,(unsigned long) time(0))
      || !stralloc_0(&tmpfn))
    return fail("out of memory",fdin,-1);
  fdtmp = open(tmpfn.s,O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,0600);
  if (fdtmp == -1) { dyn_why = "unable to create temporary file"; close(fdin); return -1; }
  if (fchmod(fdtmp,st.st_mode & 07777) == -1) return fail("unable to chmod temporary file",fdin,fdtmp);
  if (lseek(fdin,0,SEEK_SET) == -1) return fail("unable to rewind data file",fdin,fdtmp);
  if (dyn_pass(fdin,fdtmp,h,nh,a) == -1) return fail("unable to write temporary file",fdin,fdtmp);
  if (fsync(fdtmp) == -1) return fail("unable to sync temporary file",fdin,fdtmp);
  if (close(fdtmp) == -1) { fdtmp = -1; unlink(tmpfn.s); return fail("unable to write temporary file",fdin,-1); }
  close(fdin);
  if (rename(tmpfn.s,fn) == -1) { int e = errno; unlink(tmpfn.s); errno = e; dyn_why = "unable to replace data file"; return -1; }
  fddir = open(".",O_RDONLY | O_CLOEXEC);
  if (fddir != -1) { fsync(fddir); close(fddir); }
  return 1;
}
