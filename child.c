#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "child.h"

/* The one runner of a child with a deadline (make, ONCHANGE): it runs
   in a process group of its own, so that it can be ended with all it
   started; it keeps nothing of the caller's but what it is given. */

/* Starts argv[0] (searched in $PATH if search) with environment envp:
   stdin /dev/null, stdout and stderr to out, the descriptor keep (if
   not -1) as 3 and every other one above 2 closed, every signal at its
   default and none blocked, in a new process group. posix_spawn: no
   copy of the caller is made for it. 0 and *pid, or -1 with errno. */
int child_start(pid_t *pid,char *const *argv,char *const *envp,int out,int keep,int search)
{
  posix_spawnattr_t a;
  posix_spawn_file_actions_t f;
  sigset_t all;
  sigset_t none;
  int r;

  sigfillset(&all);
  sigemptyset(&none);
  r = posix_spawnattr_init(&a);
  if (r) { errno = r; return -1; }
  r = posix_spawn_file_actions_init(&f);
  if (r) { posix_spawnattr_destroy(&a); errno = r; return -1; }
  r = posix_spawnattr_setflags(&a,POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  if (!r) r = posix_spawnattr_setpgroup(&a,0);
  if (!r) r = posix_spawnattr_setsigmask(&a,&none);
  if (!r) r = posix_spawnattr_setsigdefault(&a,&all);
  if (!r) r = posix_spawn_file_actions_addopen(&f,0,"/dev/null",O_RDONLY,0);
  if (!r && out != 1) r = posix_spawn_file_actions_adddup2(&f,out,1);
  if (!r && out != 2) r = posix_spawn_file_actions_adddup2(&f,out,2);
  if (!r && keep != -1) r = posix_spawn_file_actions_adddup2(&f,keep,3);
  if (!r) r = posix_spawn_file_actions_addclosefrom_np(&f,keep != -1 ? 4 : 3);
  if (!r) r = search ? posix_spawnp(pid,argv[0],&f,&a,argv,envp) : posix_spawn(pid,argv[0],&f,&a,argv,envp);
  posix_spawn_file_actions_destroy(&f);
  posix_spawnattr_destroy(&a);
  if (r) { errno = r; return -1; }
  return 0;
}

/* Waits up to ms milliseconds (-1: for ever) until pid has ended;
   leaves it unreaped, so that its process group cannot be taken by a
   new process meanwhile. SIGCHLD must be blocked. 1: ended (or not
   ours); 0: still running. */
int child_wait(pid_t pid,long ms)
{
  struct timespec end;
  struct timespec now;
  struct timespec ts;
  siginfo_t info;
  sigset_t chld;
  long left;

  sigemptyset(&chld);
  sigaddset(&chld,SIGCHLD);
  clock_gettime(CLOCK_MONOTONIC,&end);
  end.tv_sec += ms / 1000;
  end.tv_nsec += (ms % 1000) * 1000000L;
  if (end.tv_nsec >= 1000000000L) { ++end.tv_sec; end.tv_nsec -= 1000000000L; }
  for (;;) {
    info.si_pid = 0;
    if (waitid(P_PID,pid,&info,WEXITED | WNOHANG | WNOWAIT) == -1) {
      if (errno == EINTR) continue;
      return 1; /* not ours any more: nothing to wait for */
    }
    if (info.si_pid) return 1;
    if (ms < 0) { sigwaitinfo(&chld,0); continue; }
    clock_gettime(CLOCK_MONOTONIC,&now);
    left = (end.tv_sec - now.tv_sec) * 1000L + (end.tv_nsec - now.tv_nsec) / 1000000L;
    if (left <= 0) return 0;
    ts.tv_sec = left / 1000;
    ts.tv_nsec = (left % 1000) * 1000000L;
    sigtimedwait(&chld,0,&ts);
  }
}

/* pid's wait status, once it has ended; -1 if it is not ours */
int child_reap(pid_t pid)
{
  int wstat;

  while (waitpid(pid,&wstat,0) == -1)
    if (errno != EINTR) return -1;
  return wstat;
}

/* Ends a child that ran out of time, with its process group: TERM (and
   CONT, for a stopped one), grace seconds to finish, then KILL. Its
   wait status (killed by a signal, or its own exit if it finished
   within grace). */
int child_end(pid_t pid,unsigned int grace)
{
  kill(-pid,SIGTERM);
  kill(-pid,SIGCONT);
  child_wait(pid,(long) grace * 1000L);
  kill(-pid,SIGKILL);
  child_wait(pid,-1);
  return child_reap(pid);
}
