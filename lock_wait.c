#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lock.h"

static void wakeup(int sig)
{
  (void) sig; /* only here to interrupt flock */
}

/* Exclusive flock on fd, waiting at most seconds. 0 on success; -1 on
   error, errno ETIMEDOUT if the wait ran out. The lock goes away with
   the process, however it dies: no stale lock is possible. */
int lock_wait(int fd,unsigned int seconds)
{
  struct sigaction sa;
  struct sigaction old;
  int r;
  int e;

  if (flock(fd,LOCK_EX | LOCK_NB) == 0) return 0;
  if (errno != EWOULDBLOCK) return -1;
  if (!seconds) { errno = ETIMEDOUT; return -1; }
  sa.sa_handler = wakeup;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: the alarm must end the wait */
  if (sigaction(SIGALRM,&sa,&old) == -1) return -1;
  alarm(seconds);
  r = flock(fd,LOCK_EX);
  e = errno;
  alarm(0);
  sigaction(SIGALRM,&old,0);
  if (r == -1 && e == EINTR) e = ETIMEDOUT;
  errno = e;
  return r;
}

/* Opens (creating) a lock file, for reading and writing at any offset
   (the data lock file also holds the generation numbers); never
   through a symlink, which someone could have planted to make us write
   elsewhere. A lock that another account can open, it can hold, and
   stop the service for as long as it likes: so the file must be this
   account's own (root may use any), a plain file, and open to nobody
   else; one of ours with more bits (an older install) is made 0600.
   -1 on error; EPERM: the file is someone else's or no plain file. */
int lock_open(const char *fn)
{
  struct stat st;
  int fd;
  int e;

  fd = open(fn,O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,0600);
  if (fd == -1) return -1;
  if (fstat(fd,&st) == -1) goto fail;
  if (!S_ISREG(st.st_mode) || (geteuid() && st.st_uid != geteuid())) { errno = EPERM; goto fail; }
  if ((st.st_mode & 077) && fchmod(fd,0600) == -1) goto fail;
  return fd;

  fail:
  e = errno;
  close(fd);
  errno = e;
  return -1;
}
