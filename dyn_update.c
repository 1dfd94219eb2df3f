#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "stralloc.h"
#include "lock.h"
#include "dyn.h"

const char *dyn_why = "";
static stralloc lockfn;
static stralloc tmpfn;

static int fail(const char *why,int fdlock,int fdin,int fdtmp)
{
  int e = errno;
  if (fdtmp != -1) { close(fdtmp); unlink(tmpfn.s); }
  if (fdin != -1) close(fdin);
  if (fdlock != -1) close(fdlock);
  dyn_why = why;
  errno = e;
  return -1;
}

/* A TXT request may change the challenge values of a host only if the
   user may update it and it has address lines: known after a first
   scan. Returns how many hosts it marks. */
static unsigned int txtmark(struct dyn_host *h,unsigned int nh)
{
  unsigned int i;
  unsigned int n = 0;

  for (i = 0;i < nh;++i) {
    h[i].txt = dyn_txt.action && h[i].ok && h[i].allowed && h[i].lines;
    if (h[i].txt) ++n;
  }
  return n;
}

static int changes(struct dyn_host *h,unsigned int nh)
{
  unsigned int i;
  for (i = 0;i < nh;++i) if (h[i].changed) return 1;
  return 0;
}

/* Edits the data file fn in the current directory for this request,
   under the exclusive lock fn.lock (waiting at most wait seconds).
   Returns 1 if fn was replaced, 0 if nothing had to change (nothing
   written), -1 on error with errno and dyn_why set; fn is then as it
   was and no temporary file is left. *st gets the generation numbers
   after the edit: this request's change is published once built
   reaches written. A TXT request (dyn_txt) changes only ACME challenge
   lines; every write also drops the expired ones. */
int dyn_update(const char *fn,struct dyn_host *h,unsigned int nh,const struct dyn_addr *a,unsigned int wait,struct dyn_state *st)
{
  struct stat sb;
  int fdlock;
  int fdin;
  int fdtmp;
  int fddir;
  int full;
  int marked;
  unsigned int i;

  if (!stralloc_copys(&lockfn,fn) || !stralloc_cats(&lockfn,".lock") || !stralloc_0(&lockfn))
    return fail("out of memory",-1,-1,-1);
  fdlock = lock_open(lockfn.s);
  if (fdlock == -1) return fail("unable to open lock file",-1,-1,-1);
  if (lock_wait(fdlock,wait) == -1) return fail("unable to lock data file",fdlock,-1,-1);
  if (dyn_state_read(fdlock,st) == -1) return fail("unable to read lock file",fdlock,-1,-1);
  /* TAI64 label of now, as tinydns reads a time-to-die (2^62 + 10 +
     seconds since 1970, like its own clock) */
  dyn_txt.now = 4611686018427387914ULL + (unsigned long long) time(0);
  dyn_txt.ttd = dyn_txt.now + dyn_txt.lifetime;

  fdin = open(fn,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) return fail("unable to open data file",fdlock,-1,-1);
  if (fstat(fdin,&sb) == -1) return fail("unable to stat data file",fdlock,fdin,-1);
  for (i = 0;i < nh;++i) h[i].txt = 0;
  full = dyn_scan(fdin,h,nh,a);
  if (full == -1) return fail("unable to read data file",fdlock,fdin,-1);
  if (txtmark(h,nh)) {
    if (lseek(fdin,0,SEEK_SET) == -1) return fail("unable to rewind data file",fdlock,fdin,-1);
    full = dyn_scan(fdin,h,nh,a);
    if (full == -1) return fail("unable to read data file",fdlock,fdin,-1);
  }
  if (!changes(h,nh)) { close(fdin); close(fdlock); return 0; }
  marked = dyn_abuse(fn,h,nh,0);
  if (marked == -1) return fail("unable to read abuse file",fdlock,fdin,-1);
  if (marked) {
    /* some hosts are left out: look again without them */
    if (lseek(fdin,0,SEEK_SET) == -1) return fail("unable to rewind data file",fdlock,fdin,-1);
    full = dyn_scan(fdin,h,nh,a);
    if (full == -1) return fail("unable to read data file",fdlock,fdin,-1);
    if (!changes(h,nh)) { close(fdin); close(fdlock); return 0; }
  }

  if (dyn_cleantemp(fn) == -1) return fail("unable to clean temporary files",fdlock,fdin,-1);
  if (!stralloc_copys(&tmpfn,fn) || !stralloc_cats(&tmpfn,".tmp.")
      || !stralloc_catulong(&tmpfn,(unsigned long) getpid())
      || !stralloc_append(&tmpfn,'.')
      || !stralloc_catulong(&tmpfn,(unsigned long) time(0))
      || !stralloc_0(&tmpfn))
    return fail("out of memory",fdlock,fdin,-1);
  fdtmp = open(tmpfn.s,O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,0600);
  if (fdtmp == -1) return fail("unable to create temporary file",fdlock,fdin,-1);
  if (fchmod(fdtmp,sb.st_mode & 07777) == -1) return fail("unable to chmod temporary file",fdlock,fdin,fdtmp);
  if (full) {
    /* too many changed lines to remember: stream it through */
    if (lseek(fdin,0,SEEK_SET) == -1) return fail("unable to rewind data file",fdlock,fdin,fdtmp);
    if (dyn_pass(fdin,fdtmp,h,nh,a) == -1) return fail("unable to write temporary file",fdlock,fdin,fdtmp);
  }
  else if (dyn_copy(fdin,sb.st_size,fdtmp) == -1) return fail("unable to write temporary file",fdlock,fdin,fdtmp);
  if (fsync(fdtmp) == -1) return fail("unable to sync temporary file",fdlock,fdin,fdtmp);
  if (close(fdtmp) == -1) { unlink(tmpfn.s); return fail("unable to write temporary file",fdlock,fdin,-1); }
  close(fdin);
  /* count the generation first: dying between the two costs a make,
     never a change that looks published but is not */
  ++st->written;
  if (dyn_state_write(fdlock,st) == -1) { unlink(tmpfn.s); return fail("unable to write lock file",fdlock,-1,-1); }
  if (rename(tmpfn.s,fn) == -1) { int e = errno; unlink(tmpfn.s); errno = e; return fail("unable to replace data file",fdlock,-1,-1); }
  /* the change is made: failing to count it only forgets one event */
  dyn_abuse(fn,h,nh,1);
  close(fdlock);
  /* the rename reaches the disk before anyone is told good, but the
     next writer need not wait for it */
  fddir = open(".",O_RDONLY | O_CLOEXEC);
  if (fddir != -1) { fsync(fddir); close(fddir); }
  return 1;
}
