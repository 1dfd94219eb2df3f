#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"
#include "onchange.h"

extern char **environ;

static stralloc prefix;
static stralloc env[8];    /* ONCHANGE_HOST= ... */
static char *envp[ONCHANGE_ENVMAX + 9];
static char *argv[3];

static unsigned long long ms(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC,&t);
  return (unsigned long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void logs(const char *s)
{
  buffer_puts(buffer_2,s);
}

static void logulong(unsigned long u)
{
  static stralloc n;
  n.len = 0;
  if (stralloc_catulong(&n,u)) buffer_put(buffer_2,n.s,n.len);
}

/* env[i] = name=value; 0 if out of memory */
static int setvar(unsigned int i,const char *name,const char *v,unsigned int len)
{
  return stralloc_copys(&env[i],name) && stralloc_cats(&env[i],"=")
      && stralloc_catb(&env[i],v,len) && stralloc_0(&env[i]);
}

/* envp: our environment without any ONCHANGE_ variable, then host h's */
static int mkenv(const struct onchange_req *x,const struct dyn_host *h)
{
  const struct dyn_addr *a = &x->q->addr;
  char text[IP6_FMT];
  unsigned int n = 0;
  unsigned int k = 0;
  unsigned int i;

  for (i = 0;environ[i] && n < ONCHANGE_ENVMAX;++i)
    if (!str_start(environ[i],"ONCHANGE_")) envp[n++] = environ[i];
  if (!setvar(k++,"ONCHANGE_HOST",h->name.s,h->name.len)) return 0;
  if (!setvar(k++,"ONCHANGE_USER",x->user,x->userlen)) return 0;
  if (!setvar(k++,"ONCHANGE_CLIENT",x->client,str_len(x->client))) return 0;
  if (h->lines4 && a->has4) {
    if (!setvar(k++,"ONCHANGE_NEW4",a->text4,a->len4)) return 0;
    if (h->hasold4 && !setvar(k++,"ONCHANGE_OLD4",text,ip4_fmt(text,h->old4))) return 0;
  }
  if (h->lines6 && a->has6) {
    if (!setvar(k++,"ONCHANGE_NEW6",a->text6,a->len6)) return 0;
    if (h->hasold6 && !setvar(k++,"ONCHANGE_OLD6",text,ip6_fmt(text,h->old6))) return 0;
  }
  for (i = 0;i < k;++i) envp[n++] = env[i].s;
  envp[n] = 0;
  return 1;
}

static void child(const struct onchange_req *x,int fd)
{
  int i;

  setpgid(0,0);
  if (dup2(fd,1) == -1 || dup2(fd,2) == -1) _exit(111);
  if (fd > 2) close(fd);
  for (i = 1;i < NSIG;++i) signal(i,SIG_DFL); /* the handler ignores SIGPIPE */
  argv[0] = (char *) x->prog;
  execve(x->prog,argv,envp);
  buffer_puts(buffer_2,"unable to run ");
  buffer_puts(buffer_2,x->prog);
  buffer_puts(buffer_2,": ");
  buffer_puts(buffer_2,strerr_sys(errno));
  buffer_puts(buffer_2,"\n");
  buffer_flush(buffer_2);
  _exit(127);
}

/* the output of one run, relayed to fd 2 line by line with prefix,
   until it ends or the deadline; 1 if it ended, 0 at the deadline */
static int relay(int fd,unsigned long long deadline,unsigned long *dropped)
{
  char buf[1024];
  struct pollfd p;
  unsigned long logged = 0;
  unsigned long long t;
  int atstart = 1;
  int r;
  int i;

  *dropped = 0;
  for (;;) {
    t = ms();
    if (t >= deadline) break;
    p.fd = fd;
    p.events = POLLIN;
    r = poll(&p,1,(int) (deadline - t));
    if (r == -1) { if (errno == EINTR) continue; break; }
    if (!r) break;
    r = read(fd,buf,sizeof buf);
    if (r == -1) { if (errno == EINTR || errno == EAGAIN) continue; break; }
    if (!r) {
      if (!atstart) buffer_puts(buffer_2,"\n");
      buffer_flush(buffer_2);
      return 1;
    }
    for (i = 0;i < r;++i) {
      if (logged >= ONCHANGE_LOGMAX) { ++*dropped; continue; }
      if (atstart) buffer_put(buffer_2,prefix.s,prefix.len);
      /* one log line per line: no control bytes into multilog */
      if (buf[i] == '\n' || buf[i] == '\t' || ((unsigned char) buf[i] >= 32 && buf[i] != 127))
        buffer_put(buffer_2,buf + i,1);
      else buffer_put(buffer_2,"?",1);
      atstart = buf[i] == '\n';
      /* each line in a write of its own (buffer_2): whole in the log */
      if (atstart) buffer_flush(buffer_2);
      ++logged;
    }
  }
  if (!atstart) buffer_puts(buffer_2,"\n");
  buffer_flush(buffer_2);
  return 0;
}

/* one run of the hook for host h, at most x->timeout seconds */
static void run(const struct onchange_req *x,const struct dyn_host *h)
{
  unsigned long long deadline;
  unsigned long dropped;
  int p[2];
  int ended;
  int wstat;
  pid_t pid;

  if (!stralloc_copys(&prefix,"tinydnsdyn: onchange ") || !stralloc_catb(&prefix,h->name.s,h->name.len)
      || !stralloc_cats(&prefix,": ")) return;
  if (!mkenv(x,h)) { buffer_put(buffer_2,prefix.s,prefix.len); logs("out of memory\n"); return; }
  argv[1] = env[0].s + sizeof "ONCHANGE_HOST=" - 1; /* the host */
  argv[2] = 0;
  if (pipe(p) == -1) { buffer_put(buffer_2,prefix.s,prefix.len); logs("unable to make a pipe\n"); return; }
  deadline = ms() + 1000ULL * x->timeout;
  pid = fork();
  if (pid == -1) { close(p[0]); close(p[1]); buffer_put(buffer_2,prefix.s,prefix.len); logs("unable to fork\n"); return; }
  if (!pid) { close(p[0]); child(x,p[1]); }
  close(p[1]);
  setpgid(pid,pid); /* as the child does: whoever is first */
  ended = relay(p[0],deadline,&dropped);
  close(p[0]);
  /* its output ended: give it until the deadline to exit */
  while (ended && waitpid(pid,&wstat,WNOHANG) == 0) {
    if (ms() >= deadline) { ended = 0; break; }
    usleep(10000);
  }
  /* whatever it left running goes with its group */
  kill(-pid,SIGKILL);
  if (!ended) waitpid(pid,&wstat,0);
  buffer_put(buffer_2,prefix.s,prefix.len);
  if (!ended) { logs("killed after "); logulong(x->timeout); logs(" s"); }
  else if (WIFEXITED(wstat)) { logs("exit "); logulong(WEXITSTATUS(wstat)); }
  else { logs("signal "); logulong(WTERMSIG(wstat)); }
  if (dropped) { logs(" ("); logulong(dropped); logs(" bytes of output not logged)"); }
  logs("\n");
  buffer_flush(buffer_2);
}

/* Runs the hook x->prog once for every host of x->q answered good (a
   host named twice once), one after the other, in a process of its own
   in a new session, so that the handler can exit at once: the client
   has its answer, and tcpserver its slot. Each run: argument the host;
   environment the handler's and ONCHANGE_HOST, ONCHANGE_USER,
   ONCHANGE_CLIENT, ONCHANGE_NEW4 and ONCHANGE_OLD4 (its lines had an
   IPv4 address, this update set one), ONCHANGE_NEW6 and ONCHANGE_OLD6;
   stdin /dev/null; stdout and stderr logged to fd 2, each line after
   "tinydnsdyn: onchange HOST: ", then one line with how it ended. A run
   still going after x->timeout seconds is killed, its whole process
   group with it. Returns 0 if the runner started or there is nothing
   to run, -1 if it could not be forked (errno). */
int onchange_start(const struct onchange_req *x)
{
  const struct dyn_req *q = x->q;
  unsigned int i;
  unsigned int j;
  int n = 0;
  int fd;
  pid_t pid;

  if (q->mode != DYN_SET) return 0;
  for (i = 0;i < q->nh;++i) if (q->h[i].result == DYN_GOOD) ++n;
  if (!n) return 0;
  pid = fork();
  if (pid == -1) return -1;
  if (pid) return 0;

  setsid();
  /* the connection is the client's alone again */
  fd = open("/dev/null",O_RDWR);
  if (fd == -1) _exit(111);
  dup2(fd,0);
  dup2(fd,1);
  if (fd > 1) close(fd);
  for (i = 0;i < q->nh;++i) {
    if (q->h[i].result != DYN_GOOD) continue;
    for (j = 0;j < i;++j)
      if (q->h[j].result == DYN_GOOD && q->h[j].name.len == q->h[i].name.len
          && byte_equal(q->h[j].name.s,q->h[i].name.len,q->h[i].name.s)) break;
    if (j < i) continue;
    run(x,&q->h[i]);
  }
  _exit(0);
}
