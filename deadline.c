#include <errno.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include "deadline.h"

/* One absolute deadline for all network I/O of this process: a client
   that sends one byte a second cannot stretch it. */
static struct timespec deadline;

void deadline_set(unsigned long seconds)
{
  clock_gettime(CLOCK_MONOTONIC,&deadline);
  deadline.tv_sec += seconds;
}

/* milliseconds left, at least 0 */
static int remaining(void)
{
  struct timespec now;
  long ms;

  clock_gettime(CLOCK_MONOTONIC,&now);
  if (now.tv_sec > deadline.tv_sec) return 0;
  ms = (deadline.tv_sec - now.tv_sec) * 1000L;
  ms += (deadline.tv_nsec - now.tv_nsec) / 1000000L;
  if (ms < 0) return 0;
  if (ms > 86400000L) ms = 86400000L;
  return ms;
}

static int wait_for(int fd,short events)
{
  struct pollfd p;
  int r;

  for (;;) {
    p.fd = fd;
    p.events = events;
    p.revents = 0;
    r = poll(&p,1,remaining());
    if (r == -1) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) { errno = ETIMEDOUT; return -1; }
    return 0;
  }
}

int deadline_read(int fd,char *buf,unsigned int len)
{
  if (wait_for(fd,POLLIN) == -1) return -1;
  return read(fd,buf,len);
}

int deadline_write(int fd,char *buf,unsigned int len)
{
  if (wait_for(fd,POLLOUT) == -1) return -1;
  return write(fd,buf,len);
}

/* whole seconds left, rounded up; 0 once the deadline has passed */
unsigned int deadline_left(void)
{
  int ms = remaining();
  return (ms + 999) / 1000;
}

/* The deadline and the clock as other processes of this machine see
   them: seconds of CLOCK_MONOTONIC, which the whole system shares and
   no one sets (a waiting change's deadline, compared by the handler
   that applies it: dyn_late). The deadline rounded down and the clock
   rounded up, so that a change judged to have more than DYN_MARGIN
   seconds left has at least that much. */
unsigned long deadline_at(void)
{
  return (unsigned long) deadline.tv_sec;
}

unsigned long deadline_clock(void)
{
  struct timespec now;

  clock_gettime(CLOCK_MONOTONIC,&now);
  return (unsigned long) now.tv_sec + (now.tv_nsec > 0);
}
