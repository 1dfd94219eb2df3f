#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
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

/* opens (creating) a lock file, for reading and writing at any offset
   (the data lock file also holds the generation numbers); never
   through a symlink, which someone could have planted to make us write
   elsewhere. -1 on error. */
int lock_open(const char *fn)
{
  return open(fn,O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,0600);
}
