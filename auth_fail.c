#include <time.h>
#include <unistd.h>
#include "lock.h"
#include "rate.h"
#include "str.h"
#include "auth.h"

/* Counts a failed login from ip in the rate file ratefn (10-minute
   windows, under the data lock lockfn) and returns how many seconds
   to wait before answering: one per failure in the window, at most
   max. Password guessing gets slower the longer it goes on; a typo
   costs a second. Any error: max (fail closed, slow). */
unsigned int auth_fail(const char *lockfn,const char *ratefn,const char *ip,unsigned int max)
{
  struct rate_key k;
  unsigned int i;
  int fd;

  if (!max) return 0;
  /* tcpserver's TCPREMOTEIP; anything else is one key for all */
  for (i = 0;ip[i] && i < 64;++i)
    if (!((ip[i] >= '0' && ip[i] <= '9') || (ip[i] >= 'a' && ip[i] <= 'f') || ip[i] == '.' || ip[i] == ':')) break;
  if (!i || ip[i]) ip = "unknown";
  k.s = ip;
  k.len = str_len(ip);
  k.bump = 1;
  fd = lock_open(lockfn);
  if (fd == -1) return max;
  if (lock_wait(fd,max) == -1) { close(fd); return max; }
  if (rate_update(ratefn,&k,1,(unsigned long) time(0),600,1) == -1) { close(fd); return max; }
  close(fd);
  return k.count < max ? k.count : max;
}
