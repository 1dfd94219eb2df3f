#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "fmt.h"
#include "strerr.h"

/* bench-rss prog args...: runs prog, then prints its wall time in
   microseconds and its peak resident set in KiB; exits as prog did. */

int main(int argc,char **argv)
{
  struct rusage ru;
  struct timespec t0, t1;
  char num[FMT_ULONG];
  int wstat;
  pid_t pid;

  if (argc < 2) strerr_die(100,"bench-rss: usage: bench-rss prog [args]",0,0,0,0);
  clock_gettime(CLOCK_MONOTONIC,&t0);
  pid = fork();
  if (pid == -1) strerr_die(111,"bench-rss: fatal: unable to fork",0,0,0,0);
  if (pid == 0) {
    execvp(argv[1],argv + 1);
    strerr_die(111,"bench-rss: fatal: unable to run ",argv[1],0,0,0);
  }
  if (wait4(pid,&wstat,0,&ru) == -1) strerr_die(111,"bench-rss: fatal: wait4",0,0,0,0);
  clock_gettime(CLOCK_MONOTONIC,&t1);
  buffer_put(buffer_2,num,fmt_ulong(num,(unsigned long) ((t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000)));
  buffer_puts(buffer_2," us ");
  buffer_put(buffer_2,num,fmt_ulong(num,(unsigned long) ru.ru_maxrss));
  buffer_putsflush(buffer_2," KiB\n");
  return WIFEXITED(wstat) ? WEXITSTATUS(wstat) : 111;
}
