#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "stralloc.h"
#include "deadline.h"
#include "datadir.h"
#include "lock.h"
#include "make_run.h"
#include "replace.h"
#include "dyn.h"

static int fail(const char **why,const char *reason,int fd1,int fd2)
{
  int e = errno;
  if (fd1 != -1) close(fd1);
  if (fd2 != -1) close(fd2);
  *why = reason;
  errno = e;
  return -1;
}

/* Under the data lock: reads the generation numbers into st and, if
   built is larger than the recorded one, records it; with touch, makes
   sure the coming make sees the data file as new (dyn_touch). */
static int state(const char *fn,struct dyn_state *st,unsigned long built,int touch,const char **why)
{
  int fd;

  fd = dyn_lock(fn,deadline_left(),st,why);
  if (fd == -1) return -1;
  if (touch && st->built < st->written && dyn_touch(fn) == -1)
    return fail(why,"unable to set the time of the data file",fd,-1);
  if (built > st->built) {
    st->built = built;
    if (dyn_state_write(fd,st) == -1) return fail(why,"unable to write lock file",fd,-1);
  }
  close(fd);
  return 0;
}

/* 1 if generation gen of the data file is published: a make that saw
   it has succeeded (st->built) and what tinydns serves is there (or
   stat cannot tell), in the current directory. A build recorded is no
   build if someone removed data.cdb since (an operator, a cleanup
   script): good or nochg would then promise what nobody serves. */
int dyn_published(const struct dyn_state *st,unsigned long gen)
{
  struct stat sb;

  if (st->built < gen) return 0;
  return stat(DYN_CDB,&sb) == 0 || errno != ENOENT;
}

static const char *makewhy(void)
{
  if (errno == ETIMEDOUT) return "no result from make within $TIMEOUT";
  return "unable to run make";
}

/* the directory fdsync (if not -1) synced: a rename in it is on disk.
   0 or -1. */
static int synced(int fdsync,const char **why)
{
  if (fdsync == -1 || fsync(fdsync) == 0) return 0;
  *why = "unable to sync the data directory";
  return -1;
}

/* Runs make (make_run), with the directory fdsync synced while it
   runs, and *fdold (if not -1) closed once make's watchdog has it too:
   the watchdog's close is the last (make_start), and frees the file
   while this handler answers. */
static int make(unsigned int limit,int fdsync,int *fdold,int *wstat,const char **why)
{
  struct make_job j;

  if (make_start(&j,limit,*fdold) == -1) { *why = makewhy(); return -1; }
  if (*fdold != -1) { close(*fdold); *fdold = -1; }
  if (synced(fdsync,why) == -1) { make_leave(&j); return -1; }
  *wstat = make_wait(&j,deadline_left());
  if (*wstat == -1) { *why = makewhy(); return -1; }
  return 0;
}

/* published without a make of this handler's: the directory fdsync
   synced and closed. 0 or -1. */
static int done(int fdsync,const char **why)
{
  if (synced(fdsync,why) == -1) return fail(why,*why,fdsync,-1);
  if (fdsync != -1) close(fdsync);
  return 0;
}

/* GROUPCOMMIT=0, the way it was before group commit, for comparison in
   make bench: every change runs its own make, with the data lock held
   so that no other change is written meanwhile. fdsync is left open. */
static int seed(const char *fn,int fdbuild,unsigned int limit,int fdsync,int *fdold,int *wstat,const char **why)
{
  struct dyn_state st;
  int fd;

  fd = dyn_lock(fn,deadline_left(),&st,why);
  if (fd == -1) return fail(why,*why,fdbuild,-1);
  if (dyn_touch(fn) == -1) return fail(why,"unable to set the time of the data file",fd,fdbuild);
  if (make(limit,fdsync,fdold,wstat,why) == -1) return fail(why,*why,fd,fdbuild);
  if (!*wstat) {
    st.built = st.written;
    if (dyn_state_write(fd,&st) == -1) return fail(why,"unable to write lock file",fd,fdbuild);
  }
  close(fd);
  close(fdbuild);
  return *wstat ? 1 : 0;
}

/* Makes sure a make has published generation gen of the data file fn.
   Group commit: makes run one at a time under the build lock
   (DATADIR_MAKELOCK: one per directory, so that a second service on
   this ROOT with another $DATA waits for it too, and two makes never
   write the same files, data.tmp among them); whoever gets
   that lock and finds gen already built answers at once, and one make
   publishes every change written before it started. always: run make
   even so (the old make-per-update behaviour, for comparison). Waits
   at most wait seconds for the build lock, then until the deadline; a
   make still running after limit seconds is killed (make_run), so a
   hung Makefile never blocks the service for good. sync: this handler
   renamed fn (dyn_update) and the rename is not yet on disk: the
   directory is synced before 0 is returned, while make runs if this
   handler runs it. 0: published. 1: make failed, *wstat says how. -1:
   no answer in time or an error (errno, *why). fdold: see
   dyn_publish. */
static int publish(const char *fn,unsigned long gen,int always,unsigned int wait,unsigned int limit,int sync,int *fdold,int *wstat,const char **why)
{
  struct dyn_state st;
  unsigned long target;
  int fdbuild;
  int fdsync = -1;
  int r;
  int e;

  *wstat = 0;
  if (sync) {
    fdsync = replace_dir(fn);
    if (fdsync == -1) return fail(why,"unable to open the data directory",-1,-1);
  }
  /* built only grows: a look without any lock may find it done */
  if (!always && dyn_state_peek(fn,&st) == 0 && dyn_published(&st,gen)) return done(fdsync,why);
  fdbuild = lock_open(DATADIR_MAKELOCK);
  if (fdbuild == -1) return fail(why,errno == EPERM ? LOCK_NOTOURS(DATADIR_MAKELOCK) : "unable to open " DATADIR_MAKELOCK,fdsync,-1);
  /* make inherits the build lock: if this handler dies (kill -9, client
     timeout), the lock stays held until its make is done, so two makes
     never write data.tmp at once */
  if (fcntl(fdbuild,F_SETFD,0) == -1) return fail(why,"unable to set up build lock",fdbuild,fdsync);
  if (lock_wait(fdbuild,wait) == -1) return fail(why,"unable to get build lock",fdbuild,fdsync);
  if (always) {
    r = seed(fn,fdbuild,limit,fdsync,fdold,wstat,why);
    if (fdsync != -1) { e = errno; close(fdsync); errno = e; }
    return r;
  }
  /* the make before this one may have seen it: no need of the data
     lock (a writer may hold it) to know */
  if (dyn_state_peek(fn,&st) == 0 && dyn_published(&st,gen)) { close(fdbuild); return done(fdsync,why); }
  if (state(fn,&st,0,1,why) == -1) return fail(why,*why,fdbuild,fdsync);
  if (dyn_published(&st,gen)) { close(fdbuild); return done(fdsync,why); }

  target = st.written;
  if (make(limit,fdsync,fdold,wstat,why) == -1) return fail(why,*why,fdbuild,fdsync);
  if (fdsync != -1) close(fdsync);
  if (*wstat) { close(fdbuild); return 1; }
  if (state(fn,&st,target,0,why) == -1) return fail(why,*why,fdbuild,-1);
  close(fdbuild);
  return 0;
}

/* publish, and fdold closed: -1, or the version of fn that this
   handler's rename replaced, still open (dyn_update). Its last close
   frees its blocks and page cache, about as long as the copy took; if
   this handler runs make, make's watchdog pays that once make is
   done, instead of the client waiting for it. */
int dyn_publish(const char *fn,unsigned long gen,int always,unsigned int wait,unsigned int limit,int sync,int fdold,int *wstat,const char **why)
{
  int r;
  int e;

  r = publish(fn,gen,always,wait,limit,sync,&fdold,wstat,why);
  if (fdold != -1) { e = errno; close(fdold); errno = e; }
  return r;
}
