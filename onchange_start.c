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
#include "child.h"
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
  const struct dyn_result *r = &h->r;
  char text[IP6_FMT];
  unsigned int n = 0;
  unsigned int k = 0;
  unsigned int i;

  for (i = 0;environ[i] && n < ONCHANGE_ENVMAX;++i)
    if (!str_start(environ[i],"ONCHANGE_")) envp[n++] = environ[i];
  if (!setvar(k++,"ONCHANGE_HOST",h->name.s,h->name.len)) return 0;
  if (!setvar(k++,"ONCHANGE_USER",x->q->user.s,x->q->user.len)) return 0;
  if (!setvar(k++,"ONCHANGE_CLIENT",x->client,str_len(x->client))) return 0;
  if (r->has4 && a->has4) {
    if (!setvar(k++,"ONCHANGE_NEW4",a->text4,a->len4)) return 0;
    if (r->hasold4 && !setvar(k++,"ONCHANGE_OLD4",text,ip4_fmt(text,r->old4))) return 0;
  }
  if (r->has6 && a->has6) {
    if (!setvar(k++,"ONCHANGE_NEW6",a->text6,a->len6)) return 0;
    if (r->hasold6 && !setvar(k++,"ONCHANGE_OLD6",text,ip6_fmt(text,r->old6))) return 0;
  }
  for (i = 0;i < k;++i) envp[n++] = env[i].s;
  envp[n] = 0;
  return 1;
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
  unsigned long long now;
  unsigned long dropped;
  int p[2];
  int ended;
  int wstat;
  pid_t pid;

  if (!stralloc_copys(&prefix,"tinydnsdyn: onchange ") || !stralloc_catb(&prefix,h->name.s,h->name.len)
      || !stralloc_cats(&prefix,": ")) return;
  if (!mkenv(x,h)) { buffer_put(buffer_2,prefix.s,prefix.len); logs("out of memory\n"); return; }
  argv[0] = (char *) x->prog;
  argv[1] = env[0].s + sizeof "ONCHANGE_HOST=" - 1; /* the host */
  argv[2] = 0;
  if (pipe(p) == -1) { buffer_put(buffer_2,prefix.s,prefix.len); logs("unable to make a pipe\n"); return; }
  deadline = ms() + 1000ULL * x->timeout;
  if (child_start(&pid,argv,envp,p[1],-1,0) == -1) {
    close(p[0]); close(p[1]);
    buffer_put(buffer_2,prefix.s,prefix.len);
    logs("unable to run "); logs(x->prog); logs(": "); logs(strerr_sys(errno)); logs("\n");
    /* as a child that could not exec it would have ended */
    buffer_put(buffer_2,prefix.s,prefix.len);
    logs("exit 127\n");
    buffer_flush(buffer_2);
    return;
  }
  close(p[1]);
  ended = relay(p[0],deadline,&dropped);
  close(p[0]);
  /* its output ended: it has until the deadline to exit */
  now = ms();
  if (ended) ended = child_wait(pid,now < deadline ? (long) (deadline - now) : 0);
  if (ended) {
    kill(-pid,SIGKILL); /* whatever it left running goes with its group */
    wstat = child_reap(pid);
  }
  else wstat = child_end(pid,CHILD_KILLGRACE);
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
  sigset_t chld;
  pid_t pid;

  if (q->mode != DYN_SET) return 0;
  for (i = 0;i < q->nh;++i) if (q->h[i].r.code == DYN_GOOD) ++n;
  if (!n) return 0;
  pid = fork();
  if (pid == -1) return -1;
  if (pid) return 0;

  setsid();
  /* SIGCHLD blocked: child_wait waits for it */
  signal(SIGCHLD,SIG_DFL);
  sigemptyset(&chld);
  sigaddset(&chld,SIGCHLD);
  sigprocmask(SIG_BLOCK,&chld,0);
  /* the connection is the client's alone again */
  fd = open("/dev/null",O_RDWR);
  if (fd == -1) _exit(111);
  dup2(fd,0);
  dup2(fd,1);
  if (fd > 1) close(fd);
  for (i = 0;i < q->nh;++i) {
    if (q->h[i].r.code != DYN_GOOD) continue;
    for (j = 0;j < i;++j)
      if (q->h[j].r.code == DYN_GOOD && q->h[j].name.len == q->h[i].name.len
          && byte_equal(q->h[j].name.s,q->h[i].name.len,q->h[i].name.s)) break;
    if (j < i) continue;
    run(x,&q->h[i]);
  }
  _exit(0);
}
