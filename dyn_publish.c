#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "deadline.h"
#include "datadir.h"
#include "lock.h"
#include "make_run.h"
#include "replace.h"
#include "dyn.h"

static struct dyn_txn t; /* the data lock, for the generation numbers */

static int fail(const char **why,const char *reason,int fd1,int fd2)
{
  int e = errno;
  if (fd1 != -1) close(fd1);
  if (fd2 != -1) close(fd2);
  *why = reason;
  errno = e;
  return -1;
}

/* Under the data lock: the generation numbers read into st and, if
   built is larger than the recorded one, recorded; with touch, the
   coming make made to see the data file as new (dyn_touch). */
static int state(const char *fn,struct dyn_state *st,unsigned long built,int touch,const char **why)
{
  if (dyn_txn_lock(&t,fn,deadline_left(),why) == -1) return -1;
  *st = t.state;
  if (touch && st->built < st->written && dyn_touch(fn) == -1) {
    dyn_txn_unlock(&t);
    return fail(why,"unable to set the time of the data file",-1,-1);
  }
  if (built > st->built) {
    st->built = built;
    if (dyn_state_write(t.fdlock,st) == -1) { dyn_txn_unlock(&t); return fail(why,"unable to write lock file",-1,-1); }
  }
  dyn_txn_unlock(&t);
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

/* Runs make (make_run) under the build lock fdbuild, which it
   inherits, with the directory fdsync synced while it runs, and
   p->fdold (if not -1) closed once make's watchdog has it too: the
   watchdog's close is the last (make_start), and frees the file while
   this handler answers. */
static int make(struct dyn_pub *p,int fdbuild,int fdsync,const char **why)
{
  struct make_job j;

  if (make_start(&j,p->limit,p->fdold,fdbuild) == -1) { *why = makewhy(); return -1; }
  if (p->fdold != -1) { close(p->fdold); p->fdold = -1; }
  if (synced(fdsync,why) == -1) { make_leave(&j); return -1; }
  p->wstat = make_wait(&j,deadline_left());
  if (p->wstat == -1) { *why = makewhy(); return -1; }
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

/* GROUPCOMMIT=0, a make per change, for comparison in make bench:
   every change runs its own make, with the data lock held so that no
   other change is written meanwhile. fdsync is left open. */
static int seed(struct dyn_pub *p,int fdbuild,int fdsync,const char **why)
{
  if (dyn_txn_lock(&t,p->data,deadline_left(),why) == -1) return fail(why,*why,fdbuild,-1);
  if (dyn_touch(p->data) == -1) { dyn_txn_unlock(&t); return fail(why,"unable to set the time of the data file",fdbuild,-1); }
  if (make(p,fdbuild,fdsync,why) == -1) { dyn_txn_unlock(&t); return fail(why,*why,fdbuild,-1); }
  if (!p->wstat) {
    t.state.built = t.state.written;
    if (dyn_state_write(t.fdlock,&t.state) == -1) { dyn_txn_unlock(&t); return fail(why,"unable to write lock file",fdbuild,-1); }
  }
  dyn_txn_unlock(&t);
  close(fdbuild);
  return p->wstat ? 1 : 0;
}

/* Makes sure a make has published generation p->gen of the data file
   p->data. Group commit: makes run one at a time under the build lock
   (DATADIR_MAKELOCK: one per directory, so that a second service on
   this ROOT with another $DATA waits for it too, and two makes never
   write the same files, data.tmp among them); whoever gets that lock
   and finds gen already built answers at once, and one make publishes
   every change written before it started. p->always: run make even so
   (GROUPCOMMIT=0: a make per change, for comparison). Waits at most
   p->wait seconds for the build lock, then until the deadline; a make
   still running after p->limit seconds is killed (make_run), so a hung
   Makefile never blocks the service for good. p->sync: this handler
   renamed the file (dyn_update) and the rename is not yet on disk: the
   directory is synced before 0 is returned, while make runs if this
   handler runs it. */
static int publish(struct dyn_pub *p,const char **why)
{
  struct dyn_state st;
  unsigned long target;
  int fdbuild;
  int fdsync = -1;
  int r;
  int e;

  p->wstat = 0;
  if (p->sync) {
    fdsync = replace_dir(p->data);
    if (fdsync == -1) return fail(why,"unable to open the data directory",-1,-1);
  }
  /* built only grows: a look without any lock may find it done */
  if (!p->always && dyn_state_peek(p->data,&st) == 0 && dyn_published(&st,p->gen)) return done(fdsync,why);
  fdbuild = lock_open(DATADIR_MAKELOCK);
  if (fdbuild == -1) return fail(why,errno == EPERM ? LOCK_NOTOURS(DATADIR_MAKELOCK) : "unable to open " DATADIR_MAKELOCK,fdsync,-1);
  /* make inherits the build lock (make_start): if this handler dies
     (kill -9, client timeout), the lock stays held until its make is
     done, so two makes never write data.tmp at once */
  if (lock_wait(fdbuild,p->wait) == -1) return fail(why,"unable to get build lock",fdbuild,fdsync);
  if (p->always) {
    r = seed(p,fdbuild,fdsync,why);
    if (fdsync != -1) { e = errno; close(fdsync); errno = e; }
    return r;
  }
  /* the make before this one may have seen it: no need of the data
     lock (a writer may hold it) to know */
  if (dyn_state_peek(p->data,&st) == 0 && dyn_published(&st,p->gen)) { close(fdbuild); return done(fdsync,why); }
  if (state(p->data,&st,0,1,why) == -1) return fail(why,*why,fdbuild,fdsync);
  if (dyn_published(&st,p->gen)) { close(fdbuild); return done(fdsync,why); }

  target = st.written;
  if (make(p,fdbuild,fdsync,why) == -1) return fail(why,*why,fdbuild,fdsync);
  if (fdsync != -1) close(fdsync);
  if (p->wstat) { close(fdbuild); return 1; }
  if (state(p->data,&st,target,0,why) == -1) return fail(why,*why,fdbuild,-1);
  close(fdbuild);
  return 0;
}

/* publish, and p->fdold closed: -1, or the version of the data file
   that this handler's rename replaced, still open (dyn_update). Its
   last close frees its blocks and page cache, about as long as the
   copy took; if this handler runs make, make's watchdog pays that once
   make is done, instead of the client waiting for it. 0: published.
   1: make failed, p->wstat says how. -1: no answer in time or an error
   (errno, *why). */
int dyn_publish(struct dyn_pub *p,const char **why)
{
  int r;
  int e;

  r = publish(p,why);
  if (p->fdold != -1) { e = errno; close(p->fdold); p->fdold = -1; errno = e; }
  return r;
}
