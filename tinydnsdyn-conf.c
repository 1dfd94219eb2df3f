#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h> /* rename */
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "str.h"
#include "scan.h"
#include "stralloc.h"
#include "strerr.h"
#include "ip4.h"
#include "ip6.h"
#include "datadir.h"
#include "make_run.h"
#include "auto_home.h"
#include "auto_datamakefile.h"

#define FATAL "tinydnsdyn-conf: fatal: "
#define WARNING "tinydnsdyn-conf: warning: "
#define USAGE "tinydnsdyn-conf: usage: tinydnsdyn-conf acct logacct /D /root [ip [port]]"

/* a root's Makefile longer than this is not one we can judge */
#define MAKEFILEMAX 1048576

static const char *dir;  /* the service directory, absolute */
static const char *root; /* the tinydns data directory, absolute */
static struct passwd svcacct;
static struct passwd logacct;

static stralloc passwdfn;
static stralloc path; /* full name of the file being made, for messages */
static int fd;
static char space[1024];
static buffer b;

static void nomem(void)
{
  strerr_die(111,FATAL,"out of memory",0,0,0);
}

static void usage(const char *why)
{
  if (why) strerr_warn(FATAL,why,0,0,0);
  strerr_die(100,USAGE,0,0,0,0);
}

static void where(const char *d,const char *fn)
{
  if (!stralloc_copys(&path,d)) nomem();
  if (fn) if (!stralloc_cats(&path,"/") || !stralloc_cats(&path,fn)) nomem();
  if (!stralloc_0(&path)) nomem();
}

static void fail(const char *what)
{
  strerr_die(111,FATAL,what,path.s,0,errno);
}

/* -- making files and directories; d is where fn lives (for messages);
      fn is relative to the current directory */

static void makedir(const char *d,const char *fn,int mode)
{
  where(d,fn);
  if (mkdir(fn,0700) == -1) fail("unable to create ");
  if (chmod(fn,mode) == -1) fail("unable to chmod ");
}

static void owner(const char *fn,const struct passwd *pw)
{
  if (chown(fn,pw->pw_uid,pw->pw_gid) == -1) fail("unable to chown ");
}

/* open fn for a new file; 1 if it was made, 0 if it existed and
   mayexist */
static int start(const char *d,const char *fn,int mayexist)
{
  where(d,fn);
  fd = open(fn,O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,0600);
  if (fd == -1) {
    if (mayexist && errno == EEXIST) return 0;
    fail("unable to create ");
  }
  buffer_init(&b,buffer_unixwrite,fd,space,sizeof space);
  return 1;
}

static void outs(const char *s)
{
  if (buffer_puts(&b,s) == -1) fail("unable to write ");
}

static void finish(int mode,const struct passwd *pw)
{
  if (buffer_flush(&b) == -1) fail("unable to write ");
  if (fchmod(fd,mode) == -1) fail("unable to chmod ");
  if (pw) if (fchown(fd,pw->pw_uid,pw->pw_gid) == -1) fail("unable to chown ");
  if (fsync(fd) == -1) fail("unable to write ");
  if (close(fd) == -1) fail("unable to write ");
}

static void envfile(const char *name,const char *value)
{
  start(dir,name,0);
  outs(value);
  outs("\n");
  finish(0644,0);
}

/* -- checking arguments */

static void account(struct passwd *out,const char *name)
{
  struct passwd *pw;
  unsigned int i;
  char c;

  if (!*name || *name == '-') usage("bad account name");
  for (i = 0;(c = name[i]);++i)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-'))
      usage("bad account name");
  errno = 0;
  pw = getpwnam(name);
  if (!pw) {
    if (errno && errno != ENOENT && errno != ESRCH)
      strerr_die(111,FATAL,"unable to look up account ",name,0,errno);
    strerr_die(100,FATAL,"unknown account ",name,0,0);
  }
  *out = *pw;
  out->pw_name = (char *) name; /* pw's own storage is reused by the next lookup */
}

static void abspath(const char *p,const char *what)
{
  unsigned int len = str_len(p);
  if (p[0] != '/' || byte_chr(p,len,'\n') < len) usage(what);
}

/* a path we can put into the run script as it is */
static int plainpath(const char *p)
{
  unsigned int i;
  char c;

  for (i = 0;(c = p[i]);++i)
    if (c <= ' ' || c == 127 || c == '\'' || c == '"' || c == '\\'
        || c == '$' || c == '`')
      return 0;
  return 1;
}

/* -- what goes into the files */

static const char *const rules[] = {
  "# Who may connect to tinydnsdyn (tcprules format; first match wins).\n",
  "# After editing, run \"make\" in this directory: it rebuilds rules.cdb,\n",
  "# which tcpserver reads anew for every connection.\n",
  "#\n",
  "# To let clients elsewhere in (they still need a password), set\n",
  "# env/IP to 0 (all addresses) or a public address, restart the\n",
  "# service, and allow them here, e.g. one network:\n",
  "#   192.0.2.:allow\n",
  "# or everybody, by replacing the last line with\n",
  "#   :allow\n",
  "# IPv6 clients (ucspi-tcp-ipv6's tcpserver) are matched by the address\n",
  "# as tcpserver writes it: lower case, zeros compressed (2001:db8::7);\n",
  "# a network is a prefix ending in ':', e.g. 2001:db8:1: for\n",
  "# 2001:db8:1::/48. Check a rule with\n",
  "#   TCPREMOTEIP=2001:db8:1::7 tcprulescheck rules.cdb\n",
  "# A rule can also set tinydnsdyn's variables for its clients:\n",
  "#   192.0.2.:allow,TIMEOUT=\"20\"\n",
  "127.0.0.1:allow\n",
  0
};

static void outlines(const char *const *l)
{
  while (*l) outs(*l++);
}

/* -- the data directory's Makefile */

static stralloc mk;

/* reads root's Makefile into mk; 0 if there is none */
static int readmakefile(void)
{
  char buf[4096];
  int r;

  where(root,"Makefile");
  fd = open(path.s,O_RDONLY | O_CLOEXEC);
  if (fd == -1) {
    if (errno == ENOENT) return 0;
    fail("unable to open ");
  }
  if (!stralloc_copys(&mk,"")) nomem();
  for (;;) {
    r = read(fd,buf,sizeof buf);
    if (r == -1) { if (errno == EINTR) continue; fail("unable to read "); }
    if (!r) break;
    if (mk.len + r > MAKEFILEMAX)
      strerr_die(100,FATAL,path.s," is too long to check",0,0);
    if (!stralloc_catb(&mk,buf,r)) nomem();
  }
  close(fd);
  return 1;
}

static int mkcontains(const char *s)
{
  unsigned int len = str_len(s);
  unsigned int i;

  for (i = 0;i + len <= mk.len;++i)
    if (byte_equal(mk.s + i,len,s)) return 1;
  return 0;
}

static int mkis(const char *s)
{
  return mk.len == str_len(s) && byte_equal(mk.s,mk.len,s);
}

/* the Makefile of Debian's tinydns package, or of djbdns's tinydns-conf:
   data.cdb from data alone */
static int mkstock(void)
{
  return mkis("data.cdb: data\n\t/usr/sbin/tinydns-data\n")
      || mkis("data.cdb: data\n\t/usr/local/bin/tinydns-data\n")
      || mkis("data.cdb: data\n\t/usr/bin/tinydns-data\n")
      || mkis("data.cdb: data\n\ttinydns-data\n");
}

#define MK_NONE 0    /* no Makefile: write the example */
#define MK_KEEP 1    /* builds from data.dyn already */
#define MK_CONVERT 2 /* a stock one: keep it as Makefile.orig, write ours */

static int judgemakefile(void)
{
  if (!readmakefile()) return MK_NONE;
  if (mkcontains("data.dyn")) return MK_KEEP;
  if (mkstock()) {
    /* checked now, so that nothing is made if it cannot be kept */
    where(root,"Makefile.orig");
    if (access(path.s,F_OK) == 0)
      strerr_die(100,FATAL,path.s," exists: move it away, so that the old Makefile can be kept there",0,0);
    return MK_CONVERT;
  }
  /* one line, saying what to do */
  if (!stralloc_copys(&mk,"/Makefile does not build data.cdb from data.dyn, so no update would be served: move it away (mv ")) nomem();
  if (!stralloc_cats(&mk,root) || !stralloc_cats(&mk,"/Makefile ")) nomem();
  if (!stralloc_cats(&mk,root) || !stralloc_cats(&mk,"/Makefile.old) and run tinydnsdyn-conf again to get one that does, or make it build from data.dyn (see data.Makefile) and run tinydnsdyn-conf again")) nomem();
  if (!stralloc_0(&mk)) nomem();
  strerr_die(100,FATAL,root,mk.s,0,0);
}

/* the example Makefile, replacing the old one (if any) atomically */
static void writemakefile(int convert)
{
  if (convert) {
    where(root,"Makefile.orig");
    if (link("Makefile","Makefile.orig") == -1) fail("unable to keep the old Makefile as ");
  }
  start(root,"Makefile.new",0);
  outs(auto_datamakefile);
  finish(0644,0);
  where(root,"Makefile");
  if (rename("Makefile.new","Makefile") == -1) fail("unable to replace ");
}

/* fn in root, a regular file owned by pw: made if missing, with mode */
static void ownedfile(const char *fn,int mode,const struct passwd *pw)
{
  struct stat st;

  where(root,fn);
  fd = open(fn,O_RDONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,mode);
  if (fd == -1) fail("unable to create ");
  if (fstat(fd,&st) == -1) fail("unable to stat ");
  if (!S_ISREG(st.st_mode)) strerr_die(111,FATAL,path.s," is not a regular file",0,0);
  if (pw) if (fchown(fd,pw->pw_uid,pw->pw_gid) == -1) fail("unable to chown ");
  close(fd);
}

int main(int argc,char **argv)
{
  const char *ip = "127.0.0.1";
  const char *port = "8245";
  char ip4[4];
  char ip6[16];
  char ip6s[IP6_FMT];
  unsigned long u;
  struct stat st;
  stralloc fn = {0};
  int wstat;
  int mkwhat;
  int listen6 = 0;
  int i;

  if (argc < 5 || argc > 7) usage(0);
  account(&svcacct,argv[1]);
  account(&logacct,argv[2]);
  dir = argv[3];
  root = argv[4];
  abspath(dir,"D must be an absolute path without newlines");
  abspath(root,"root must be an absolute path without newlines");
  if (argc > 5) {
    ip = argv[5];
    if (str_equal(ip,"0")) ;
    else if (*ip && ip4_scan(ip,str_len(ip),ip4) == str_len(ip)) ;
    else if (*ip && ip6_scan(ip,str_len(ip),ip6) == str_len(ip)) {
      /* tcpserver (ucspi-tcp-ipv6) wants ::0 for all addresses, not :: */
      ip6s[ip6_fmt(ip6s,ip6)] = 0;
      ip = str_equal(ip6s,"::") ? "::0" : ip6s;
      listen6 = 1;
    }
    else usage("ip must be an IPv4 or IPv6 address or 0");
  }
  if (argc > 6) {
    port = argv[6];
    if (!*port || port[scan_ulong(port,&u)] || !u || u > 65535)
      usage("port must be a number from 1 to 65535");
  }
  if (!plainpath(auto_home))
    strerr_die(100,FATAL,"conf-home has characters the run script cannot hold: ",auto_home,0,0);

  umask(022);

  /* the data directory's Makefile, judged before anything is made */
  where(root,0);
  if (stat(root,&st) == -1) {
    if (errno != ENOENT) fail("unable to stat ");
    mkwhat = MK_NONE;
  }
  else {
    if (!S_ISDIR(st.st_mode)) strerr_die(111,FATAL,root," is not a directory",0,0);
    mkwhat = judgemakefile();
  }

  /* the service directory: refuse to touch an existing one */
  where(dir,0);
  if (mkdir(dir,0700) == -1) fail("unable to create ");
  if (chmod(dir,0755) == -1) fail("unable to chmod ");
  if (chdir(dir) == -1) fail("unable to switch to ");

  start(dir,"run",0);
  outs("#!/bin/sh\n");
  outs("# tinydnsdyn, made by tinydnsdyn-conf. Settings are files in env/\n");
  outs("# (ROOT, PASSWD, IP, PORT; TIMEOUT may be added; a DATA other than\n");
  outs("# data.dyn needs ROOT's Makefile to name it too); who may connect\n");
  outs("# is in rules (run make after editing it). daemontools'\n");
  outs("# supervise, runit's runsv and tinydnsdyn.service (systemd) run it.\n");
  outs("exec 2>&1\n");
  outs("exec envdir ./env sh -c '\n");
  outs("  exec envuidgid "); outs(svcacct.pw_name);
  outs(" tcpserver -vDRHl0 -U -c 40 -b 1000 -x rules.cdb -- \"$IP\" \"$PORT\" ");
  outs(auto_home); outs("/bin/tinydnsdyn\n");
  outs("'\n");
  finish(0755,0);

  makedir(dir,"log",0755);
  makedir(dir,"log/main",0755);
  owner("log/main",&logacct);
  start(dir,"log/run",0);
  outs("#!/bin/sh\n");
  outs("exec setuidgid "); outs(logacct.pw_name); outs(" multilog t ./main\n");
  finish(0755,0);

  makedir(dir,"env",0755);
  envfile("env/ROOT",root);
  where(dir,"passwd");
  if (!stralloc_copy(&passwdfn,&path)) nomem();
  envfile("env/PASSWD",passwdfn.s);
  envfile("env/IP",ip);
  envfile("env/PORT",port);

  /* ucspi-tcp's tcprules cannot read an IPv6 rule: only when asked for */
  start(dir,"rules",0);
  outlines(rules);
  if (listen6) outs("::1:allow\n");
  outs(":deny\n");
  finish(0644,0);

  start(dir,"Makefile",0);
  outs("rules.cdb: rules\n");
  outs("\ttcprules rules.cdb rules.tmp < rules\n");
  finish(0644,0);

  /* users: tinydnsdyn-passwd adds them; only the service reads it */
  start(dir,"passwd",0);
  finish(0600,&svcacct);

  /* the data directory: tinydnsdyn writes its temporary file there */
  where(root,0);
  if (mkdir(root,0700) == 0) {
    if (chmod(root,0755) == -1) fail("unable to chmod ");
  }
  else {
    if (errno != EEXIST) fail("unable to create ");
    if (stat(root,&st) == -1) fail("unable to stat ");
    if (!S_ISDIR(st.st_mode)) strerr_die(111,FATAL,root," is not a directory",0,0);
  }
  owner(root,&svcacct);
  if (chdir(root) == -1) fail("unable to switch to ");
  if (mkwhat != MK_KEEP) {
    /* the example builds in build/, as acct; data stays the operator's */
    where(root,"build");
    if (mkdir("build",0755) == -1 && errno != EEXIST) fail("unable to create ");
    if (lstat("build",&st) == -1) fail("unable to stat ");
    if (!S_ISDIR(st.st_mode)) strerr_die(111,FATAL,path.s," is not a directory",0,0);
    owner("build",&svcacct);
    if (start(root,"data",1)) finish(0644,0);
    writemakefile(mkwhat == MK_CONVERT);
    if (mkwhat == MK_NONE && lstat("data.static",&st) == 0)
      strerr_warn(WARNING,root,"/data.static is not read by the new Makefile: append it to data (cat data.static >> data)",0,0);
    if (mkwhat == MK_CONVERT)
      strerr_warn(WARNING,root,"/Makefile built data.cdb from data alone; it is now Makefile.orig, and the new Makefile builds data.cdb from data and data.dyn",0,0);
  }
  /* tinydnsdyn reads data.dyn as acct and renames its copy over it; it
     opens the lock and rate files for writing: all of them acct's */
  ownedfile("data.dyn",0644,&svcacct);
  ownedfile(DATADIR_MAKELOCK,0600,&svcacct);
  for (i = 0;datadir_files[i];++i) {
    if (!datadir_name(&fn,"data.dyn",datadir_files[i])) nomem();
    ownedfile(fn.s,0600,&svcacct);
  }

  /* rules.cdb, so that the service answers as soon as it is started */
  if (chdir(dir) == -1) { where(dir,0); fail("unable to switch to "); }
  wstat = make_run(3600,3600);
  if (wstat == -1) { where(dir,0); fail("unable to run make in "); }
  if (wstat) strerr_die(111,FATAL,"make failed in ",dir,
    listen6 ? " (an IPv6 address needs tcprules and tcpserver from ucspi-tcp-ipv6)" : "",0);
  return 0;
}
