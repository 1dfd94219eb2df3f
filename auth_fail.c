#include <poll.h>
#include <time.h>
#include <unistd.h>
#include "byte.h"
#include "ip6.h"
#include "lock.h"
#include "rate.h"
#include "str.h"
#include "auth.h"

static long msince(const struct timespec *t0)
{
  struct timespec now;

  clock_gettime(CLOCK_MONOTONIC,&now);
  return (now.tv_sec - t0->tv_sec) * 1000L + (now.tv_nsec - t0->tv_nsec) / 1000000L;
}

/* sleeps until seconds have passed since t0 */
static void until(const struct timespec *t0,unsigned int seconds)
{
  long ms;

  while ((ms = (long) seconds * 1000L - msince(t0)) > 0)
    poll(0,0,ms > 1000000L ? 1000000 : (int) ms);
}

/* Counts a failed login from ip in the rate file ratefn (10-minute
   windows, under the data lock lockfn), an IPv4 client by its address
   and an IPv6 one by its /64 (a client owns the whole /64, and could
   try each of its addresses in turn), and delays the answer: one
   second per failure in the window, at most max. Password guessing
   gets slower the longer it goes on; a typo costs a second. The whole
   delay, waiting for the lock included, lasts at most max seconds:
   the caller passes the smaller of its own limit and the time left
   before its deadline. Any error: max (fail closed, slow). Returns the
   delay, in seconds, for the log. */
unsigned int auth_fail(const char *lockfn,const char *ratefn,const char *ip,unsigned int max)
{
  struct timespec t0;
  struct rate_key k;
  char ip6[16];
  char net[IP6_FMT + 3];
  unsigned int delay;
  unsigned int i;
  int fd;

  if (!max) return 0;
  clock_gettime(CLOCK_MONOTONIC,&t0);
  /* tcpserver's TCPREMOTEIP; anything else is one key for all */
  for (i = 0;ip[i] && i < 64;++i)
    if (!((ip[i] >= '0' && ip[i] <= '9') || (ip[i] >= 'a' && ip[i] <= 'f') || ip[i] == '.' || ip[i] == ':')) break;
  if (!i || ip[i]) ip = "unknown";
  k.s = ip;
  k.len = str_len(ip);
  if (ip6_scan(ip,k.len,ip6) == k.len && !ip6_ismapped(ip6)) {
    byte_zero(ip6 + 8,8);
    k.len = ip6_fmt(net,ip6);
    byte_copy(net + k.len,3,"/64");
    k.len += 3;
    k.s = net;
  }
  k.bump = 1;
  delay = max;
  fd = lock_open(lockfn);
  if (fd != -1) {
    if (lock_wait(fd,max) == 0)
      if (rate_update(ratefn,&k,1,(unsigned long) time(0),600,1) == 0)
        delay = k.count < max ? k.count : max;
    close(fd);
  }
  until(&t0,delay);
  return delay;
}
