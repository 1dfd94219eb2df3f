#include <errno.h>
#include <unistd.h>
#include "stralloc.h"
#include "datadir.h"
#include "lock.h"
#include "dyn.h"

/* Takes the data lock of the data file fn (fn.lock), waiting at most
   wait seconds, and reads the generation numbers kept in it into st.
   Returns the lock file's descriptor (closing it unlocks), or -1 with
   errno and *why set. */
int dyn_lock(const char *fn,unsigned int wait,struct dyn_state *st,const char **why)
{
  static stralloc lockfn;
  int fd;
  int e;

  if (!datadir_name(&lockfn,fn,DATADIR_LOCK)) { *why = "out of memory"; errno = ENOMEM; return -1; }
  fd = lock_open(lockfn.s);
  if (fd == -1) { *why = errno == EPERM ? LOCK_NOTOURS("the data lock file") : "unable to open lock file"; return -1; }
  if (lock_wait(fd,wait) == -1) { *why = "unable to lock data file"; goto fail; }
  if (dyn_state_read(fd,st) == -1) { *why = "unable to read lock file"; goto fail; }
  return fd;

  fail:
  e = errno;
  close(fd);
  errno = e;
  return -1;
}
