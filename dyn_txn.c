#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "stralloc.h"
#include "datadir.h"
#include "lock.h"
#include "dyn.h"

/* One change of the data file t->fn, the only way anyone writes it
   (the handler's leader, tinydnsdyn-host): lock, open, a new version
   made beside it, synced, counted, renamed; or abandoned at any step,
   leaving the file as it was and no temporary file. Each step returns
   0, or -1 with errno and *why set. */

static int fail(const char **why,const char *reason)
{
  *why = reason;
  return -1;
}

/* Takes the data lock (fn.lock), waiting at most wait seconds, and
   reads the generation numbers kept in it into t->state. */
int dyn_txn_lock(struct dyn_txn *t,const char *fn,unsigned int wait,const char **why)
{
  static stralloc lockfn;
  int e;

  t->fn = fn;
  t->fdin = -1;
  t->r.fd = -1;
  t->r.tmp.len = 0;
  t->fdlock = -1;
  if (!datadir_name(&lockfn,fn,DATADIR_LOCK)) { errno = ENOMEM; return fail(why,"out of memory"); }
  t->fdlock = lock_open(lockfn.s);
  if (t->fdlock == -1)
    return fail(why,errno == EPERM ? LOCK_NOTOURS("the data lock file") : "unable to open lock file");
  if (lock_wait(t->fdlock,wait) == -1) { *why = "unable to lock data file"; goto fail; }
  if (dyn_state_read(t->fdlock,&t->state) == -1) { *why = "unable to read lock file"; goto fail; }
  return 0;

  fail:
  e = errno;
  close(t->fdlock);
  t->fdlock = -1;
  errno = e;
  return -1;
}

/* The data file as it is now, open for reading (t->fdin, t->st). */
int dyn_txn_open(struct dyn_txn *t,const char **why)
{
  int e;

  t->fdin = open(t->fn,O_RDONLY | O_CLOEXEC);
  if (t->fdin == -1) return fail(why,"unable to open data file");
  if (fstat(t->fdin,&t->st) == -1) {
    e = errno; close(t->fdin); t->fdin = -1; errno = e;
    return fail(why,"unable to stat data file");
  }
  return 0;
}

/* A temporary file for the new version (t->r.fd), with the mode of
   the version read, and its owner if we are root (tinydnsdyn-host may
   run as root; the service cannot give a file away); the
   temporary files of writers killed before (only ever written under
   this lock) removed first. */
int dyn_txn_new(struct dyn_txn *t,const char **why)
{
  if (dyn_cleantemp(t->fn) == -1) return fail(why,"unable to clean temporary files");
  if (replace_open(&t->r,t->fn,t->st.st_mode & 07777) == -1) { t->r.tmp.len = 0; return fail(why,"unable to create temporary file"); }
  if (!geteuid() && (t->st.st_uid || t->st.st_gid))
    if (fchown(t->r.fd,t->st.st_uid,t->st.st_gid) == -1) {
      replace_abort(&t->r);
      t->r.tmp.len = 0;
      return fail(why,"unable to chown temporary file");
    }
  return 0;
}

/* The new version complete and on disk. */
int dyn_txn_sync(struct dyn_txn *t,const char **why)
{
  if (replace_done(&t->r,1) == -1) { t->r.tmp.len = 0; return fail(why,"unable to write temporary file"); }
  return 0;
}

/* The new version in place: the generation counted first (dying
   between the two costs a make, never a change that looks published
   but is not), then the rename. The directory is not synced: the
   caller does it (dyn_publish syncs it while make runs). t->fdin
   stays open: the replaced version, whose last close frees its blocks
   (dyn_publish chooses where). */
int dyn_txn_commit(struct dyn_txn *t,const char **why)
{
  ++t->state.written;
  if (dyn_state_write(t->fdlock,&t->state) == -1) {
    --t->state.written;
    return fail(why,"unable to write lock file");
  }
  if (replace_rename(&t->r) == -1) { t->r.tmp.len = 0; return fail(why,"unable to replace data file"); }
  t->r.tmp.len = 0;
  return 0;
}

/* No new version: its temporary file (if any) removed, the version read
   closed; the lock is kept. errno is kept. */
void dyn_txn_abandon(struct dyn_txn *t)
{
  int e = errno;

  if (t->r.tmp.len) replace_abort(&t->r);
  t->r.tmp.len = 0;
  if (t->fdin != -1) close(t->fdin);
  t->fdin = -1;
  errno = e;
}

/* The lock let go. errno is kept. */
void dyn_txn_unlock(struct dyn_txn *t)
{
  int e = errno;

  if (t->fdlock != -1) close(t->fdlock);
  t->fdlock = -1;
  errno = e;
}
