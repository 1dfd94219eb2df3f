#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "stralloc.h"
#include "deadline.h"
#include "lock.h"
#include "make_run.h"
#include "dyn.h"

static stralloc datafn;
static stralloc buildfn;

/* Under the data lock: reads the generation numbers into st and, if
   built is larger than the recorded one, records it; with touch, makes
   sure the coming make sees the data file as new (dyn_touch). */
static int state(const char *fn,struct dyn_state *st,unsigned long built,int touch)
{
  int fd;

  fd = lock_open(datafn.s);
  if (fd == -1) { dyn_why = "unable to open lock file"; return -1; }
  if (lock_wait(fd,deadline_left()) == -1) { dyn_why = "unable to lock data file"; close(fd); return -1; }
  if (dyn_state_read(fd,st) == -1) { dyn_why = "unable to read lock file"; close(fd); return -1; }
  if (touch && st->built < st->written && dyn_touch(fn) == -1) {
    dyn_why = "unable to set the time of the data file"; close(fd); return -1;
  }
  if (built > st->built) {
    st->built = built;
    if (dyn_state_write(fd,st) == -1) { dyn_why = "unable to write lock file"; close(fd); return -1; }
  }
  close(fd);
  return 0;
}

static const char *makewhy(void)
{
  if (errno == ETIMEDOUT) return "no result from make within $TIMEOUT";
  return "unable to run make";
}

/* GROUPCOMMIT=0, the way it was before group commit, for comparison in
   make bench: every change runs its own make, with the data lock held
   so that no other change is written meanwhile. */
static int seed(const char *fn,int fdbuild,unsigned int limit,int *wstat)
{
  struct dyn_state st;
  int fd;
  int e;

  fd = lock_open(datafn.s);
  if (fd == -1) { dyn_why = "unable to open lock file"; e = errno; goto fail; }
  if (lock_wait(fd,deadline_left()) == -1) { dyn_why = "unable to lock data file"; e = errno; goto fail; }
  if (dyn_state_read(fd,&st) == -1) { dyn_why = "unable to read lock file"; e = errno; goto fail; }
  if (dyn_touch(fn) == -1) { dyn_why = "unable to set the time of the data file"; e = errno; goto fail; }
  *wstat = make_run(deadline_left(),limit);
  if (*wstat == -1) { dyn_why = makewhy(); e = errno; goto fail; }
  if (!*wstat) {
    st.built = st.written;
    if (dyn_state_write(fd,&st) == -1) { dyn_why = "unable to write lock file"; e = errno; goto fail; }
  }
  close(fd);
  close(fdbuild);
  return *wstat ? 1 : 0;

  fail:
  if (fd != -1) close(fd);
  close(fdbuild);
  errno = e;
  return -1;
}

/* Makes sure a make has published generation gen of the data file fn.
   Group commit: makes run one at a time under fn.build; whoever gets
   that lock and finds gen already built answers at once, and one make
   publishes every change written before it started. always: run make
   even so (the old make-per-update behaviour, for comparison). Waits
   until the deadline; a make still running after limit seconds is
   killed (make_run). 0: published. 1: make failed, *wstat says how.
   -1: no answer in time or an error (errno, dyn_why). */
int dyn_publish(const char *fn,unsigned long gen,int always,unsigned int limit,int *wstat)
{
  struct dyn_state st;
  unsigned long target;
  int fdbuild;
  int e;

  *wstat = 0;
  if (!stralloc_copys(&datafn,fn) || !stralloc_cats(&datafn,".lock") || !stralloc_0(&datafn)) return -1;
  if (!stralloc_copys(&buildfn,fn) || !stralloc_cats(&buildfn,".build") || !stralloc_0(&buildfn)) return -1;
  fdbuild = lock_open(buildfn.s);
  if (fdbuild == -1) { dyn_why = "unable to open build lock file"; return -1; }
  /* make inherits the build lock: if this handler dies (kill -9, client
     timeout), the lock stays held until its make is done, so two makes
     never write data.tmp at once */
  if (fcntl(fdbuild,F_SETFD,0) == -1) { dyn_why = "unable to set up build lock"; close(fdbuild); return -1; }
  if (lock_wait(fdbuild,deadline_left()) == -1) {
    e = errno; close(fdbuild); errno = e;
    dyn_why = "unable to get build lock";
    return -1;
  }
  if (always) return seed(fn,fdbuild,limit,wstat);
  if (state(fn,&st,0,1) == -1) { e = errno; close(fdbuild); errno = e; return -1; }
  if (st.built >= gen) { close(fdbuild); return 0; }

  target = st.written;
  *wstat = make_run(deadline_left(),limit);
  if (*wstat == -1) {
    e = errno; close(fdbuild); errno = e;
    dyn_why = makewhy();
    return -1;
  }
  if (*wstat) { close(fdbuild); return 1; }
  if (state(fn,&st,target,0) == -1) { e = errno; close(fdbuild); errno = e; return -1; }
  close(fdbuild);
  return 0;
}
