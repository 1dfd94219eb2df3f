#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "child.h"
#include "make_run.h"

/* A make that hangs must neither keep its caller (a client waiting)
   nor hold the build lock for ever. So make runs under a watchdog, a
   child of the caller that outlives it if need be: the watchdog starts
   make in a process group of its own, waits for it at most limit
   seconds, then ends it with its group (child_end: TERM, then KILL), and reports the result through a pipe. The caller waits
   for that report only as long as it may; when it gives up, make and
   the watchdog go on without it, and make keeps the build lock (which
   it inherits) until it is done or killed. */

/* milliseconds from now until end, at least 0 */
static long msleft(const struct timespec *end)
{
  struct timespec now;
  long ms;

  clock_gettime(CLOCK_MONOTONIC,&now);
  if (now.tv_sec > end->tv_sec) return 0;
  if (end->tv_sec - now.tv_sec > 604800) return 604800000L;
  ms = (end->tv_sec - now.tv_sec) * 1000L + (end->tv_nsec - now.tv_nsec) / 1000000L;
  return ms < 0 ? 0 : ms;
}

static void after(struct timespec *end,unsigned int seconds)
{
  clock_gettime(CLOCK_MONOTONIC,end);
  end->tv_sec += seconds;
}

extern char **environ;

/* every descriptor above 2 closed but *fdout and *late (-1: none),
   which become 3 and 4 (or -1, if late cannot be kept: then it is only
   freed sooner) */
static void closeall(int *fdout,int *late)
{
  int o;
  int l = -1;

  o = fcntl(*fdout,F_DUPFD,5);
  if (o == -1) return; /* out of descriptors: nothing is closed, no harm */
  if (*late != -1) l = fcntl(*late,F_DUPFD,5);
  dup2(o,3);
  *fdout = 3;
  *late = l != -1 && dup2(l,4) != -1 ? 4 : -1;
  closefrom(5);
}

/* The watchdog, in the child: runs make (child_start: its own process
   group, stdin /dev/null, stdout and stderr to the log, fd 2, and the
   build lock lock, if not -1, which make keeps until it is done), and
   writes {how, value} to fdout: 0 and the wait status; 1 and the wait
   status after it was ended at limit (child_end); 2 and errno if it
   could not be started. It keeps nothing of the client's (fds 0 and 1
   become /dev/null) nor of the caller's: once make runs, the watchdog
   closes every other descriptor of its own, but late (if not -1) only
   after its report is written: a file whose last descriptor that is
   (a replaced data file) is freed while its caller answers, not before
   (dyn_publish). */
static void watchdog(int fdout,int late,int lock,unsigned int limit)
{
  char *args[2];
  sigset_t chld;
  int res[2];
  pid_t pid;
  int started;
  int f;

  f = open("/dev/null",O_RDWR);
  if (f == -1 || dup2(f,0) == -1 || dup2(f,1) == -1) _exit(111);
  if (f > 2) close(f);

  signal(SIGCHLD,SIG_DFL);
  sigemptyset(&chld);
  sigaddset(&chld,SIGCHLD);
  sigprocmask(SIG_BLOCK,&chld,0);
  args[0] = "make";
  args[1] = 0;
  res[0] = 0;
  started = child_start(&pid,args,environ,2,lock,1) == 0;
  if (!started) {
    /* make not found or not runnable: as a child that could not exec
       it would have ended, exit 127 (the shell's way) */
    if (errno == EAGAIN || errno == ENOMEM) { res[0] = 2; res[1] = errno; }
    else res[1] = 127 << 8;
  }
  closeall(&fdout,&late);
  if (started) {
    if (child_wait(pid,(long) limit * 1000L)) res[1] = child_reap(pid);
    else { res[0] = 1; res[1] = child_end(pid,CHILD_KILLGRACE); }
  }
  write(fdout,(char *) res,sizeof res); /* nobody may be reading: fine */
  close(fdout);
  if (late != -1) close(late);
  _exit(0);
}

/* Starts make in the current directory under a watchdog that ends it
   (its whole process group) once it has run limit seconds. late: -1,
   or a descriptor whose last close may be slow (a replaced file of
   megabytes, its blocks and page cache freed then): the watchdog
   closes its copy once make's result is reported, and the caller need
   not wait for that. lock: -1, or the build lock, which make inherits.
   0, or -1 with errno. */
int make_start(struct make_job *j,unsigned int limit,int late,int lock)
{
  int pi[2];
  pid_t pid;
  int e;

  if (pipe(pi) == -1) return -1;
  if (fcntl(pi[0],F_SETFD,FD_CLOEXEC) == -1 || fcntl(pi[1],F_SETFD,FD_CLOEXEC) == -1) {
    e = errno; close(pi[0]); close(pi[1]); errno = e; return -1;
  }
  pid = fork();
  if (pid == -1) { e = errno; close(pi[0]); close(pi[1]); errno = e; return -1; }
  if (pid == 0) { close(pi[0]); watchdog(pi[1],late,lock,limit); }
  close(pi[1]);
  j->fd = pi[0];
  j->pid = pid;
  return 0;
}

/* Leaves a started make to its watchdog: make goes on, keeping what it
   inherits (such as the build lock), until it is done or killed. */
void make_leave(struct make_job *j)
{
  close(j->fd);
}

/* Waits at most seconds for the make of j. Returns make's wait status
   (one killed at limit looks killed by a signal); -1 with errno
   ETIMEDOUT if seconds ran out first (make_leave); -1 with errno on
   other errors. */
int make_wait(struct make_job *j,unsigned int seconds)
{
  struct timespec end;
  struct pollfd p;
  int res[2];
  int r;
  int e;

  after(&end,seconds);
  for (;;) {
    p.fd = j->fd;
    p.events = POLLIN;
    p.revents = 0;
    r = poll(&p,1,(int) msleft(&end));
    if (r == -1 && errno == EINTR) continue;
    if (r == -1) { e = errno; make_leave(j); errno = e; return -1; }
    if (r == 0) { make_leave(j); errno = ETIMEDOUT; return -1; }
    r = read(j->fd,(char *) res,sizeof res);
    if (r == -1 && errno == EINTR) continue;
    break;
  }
  e = errno;
  close(j->fd);
  /* reaped if gone; it may still be closing late (make_start): then
     not waited for, a zombie until this process ends */
  while (waitpid(j->pid,0,WNOHANG) == -1 && errno == EINTR) ;
  if (r == -1) { errno = e; return -1; }
  if (r != sizeof res) { errno = EPIPE; return -1; } /* the watchdog died */
  if (res[0] == 2) { errno = res[1]; return -1; }
  return res[1];
}

/* make_start and make_wait */
int make_run(unsigned int seconds,unsigned int limit)
{
  struct make_job j;

  if (make_start(&j,limit,-1,-1) == -1) return -1;
  return make_wait(&j,seconds);
}
