#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "str.h"
#include "scan.h"
#include "stralloc.h"
#include "strerr.h"
#include "ip4.h"
#include "make_run.h"
#include "auto_home.h"

#define FATAL "tinydnsdyn-conf: fatal: "
#define USAGE "tinydnsdyn-conf: usage: tinydnsdyn-conf acct logacct /D /root [ip [port]]"

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

static const char *const datamakefile[] = {
  "# Example Makefile for the tinydns data directory ($ROOT). tinydnsdyn\n",
  "# replaces data.dyn and runs \"make\" here after every change.\n",
  "#\n",
  "# data.static  records you edit by hand (SOA, NS, MX, fixed hosts)\n",
  "# data.dyn     the + and = lines of dynamic hosts, edited by tinydnsdyn\n",
  "#\n",
  "# tinydns-data writes data.tmp and renames it to data.cdb only when the\n",
  "# whole file is good, so a broken data file never reaches tinydns.\n",
  "\n",
  "# Secondaries running tinydns: where data.cdb is copied after each\n",
  "# build, as rsync destinations ending in '/': host:/etc/tinydns/root/\n",
  "# (over ssh) or a local directory. rsync writes a temporary file there\n",
  "# and renames it, so tinydns never reads half a file. A copy that fails\n",
  "# fails make: the client hears dnserr, and its next request copies\n",
  "# again. make runs as tinydnsdyn's account, which has no home: name its\n",
  "# key and known_hosts, e.g.\n",
  "# RSYNC_RSH = ssh -i /etc/tinydnsdyn/ssh/id_ed25519 -o UserKnownHostsFile=/etc/tinydnsdyn/ssh/known_hosts -o ConnectTimeout=10\n",
  "# export RSYNC_RSH\n",
  "SECONDARIES =\n",
  "\n",
  "publish: data.cdb\n",
  "\t@for s in $(SECONDARIES); do \\\n",
  "\t  echo \"rsync -t data.cdb $$s\"; rsync -t data.cdb \"$$s\" || exit 1; \\\n",
  "\tdone\n",
  "\n",
  "data.cdb: data\n",
  "\ttinydns-data\n",
  "\n",
  "data: data.static data.dyn\n",
  "\tcat data.static data.dyn > data.new\n",
  "\tmv data.new data\n",
  "\n",
  "# BIND (or any AXFR) secondaries fetch the zones from axfrdns (Debian\n",
  "# package axfrdns; /etc/sv/axfrdns), which reads this same data.cdb:\n",
  "# set its conf/ROOT to this directory and conf/IP to the address the\n",
  "# secondaries ask, allow each of them in its tcp file, e.g.\n",
  "#   198.51.100.2:allow,AXFR=\"example.com/2.0.192.in-addr.arpa\"\n",
  "# and run make there. tinydns sends no NOTIFY: a secondary asks for the\n",
  "# SOA serial every refresh seconds. A Z line without a serial gets the\n",
  "# modification time of data, so every build raises it (two builds in\n",
  "# the same second share one); give the zone a short refresh, e.g.\n",
  "#   Zexample.com:ns1.example.com:hostmaster.example.com::300:60:1209600:60\n",
  0
};

static const char *const rules[] = {
  "# Who may connect to tinydnsdyn (tcprules format; first match wins).\n",
  "# After editing, run \"make\" in this directory: it rebuilds rules.cdb,\n",
  "# which tcpserver reads anew for every connection.\n",
  "#\n",
  "# To let clients elsewhere in (they still need a password), set\n",
  "# env/IP to 0 (all addresses) or a public address, restart with\n",
  "# svc -t, and allow them here, e.g. one network:\n",
  "#   192.0.2.:allow\n",
  "# or everybody, by replacing the last line with\n",
  "#   :allow\n",
  "# A rule can also set tinydnsdyn's variables for its clients:\n",
  "#   192.0.2.:allow,TIMEOUT=\"20\"\n",
  "127.0.0.1:allow\n",
  ":deny\n",
  0
};

static void outlines(const char *const *l)
{
  while (*l) outs(*l++);
}

int main(int argc,char **argv)
{
  const char *ip = "127.0.0.1";
  const char *port = "8245";
  char ip4[4];
  unsigned long u;
  struct stat st;
  int wstat;

  if (argc < 5 || argc > 7) usage(0);
  account(&svcacct,argv[1]);
  account(&logacct,argv[2]);
  dir = argv[3];
  root = argv[4];
  abspath(dir,"D must be an absolute path without newlines");
  abspath(root,"root must be an absolute path without newlines");
  if (argc > 5) {
    ip = argv[5];
    if (!str_equal(ip,"0") && (!*ip || ip4_scan(ip,str_len(ip),ip4) != str_len(ip)))
      usage("ip must be an IPv4 address or 0");
  }
  if (argc > 6) {
    port = argv[6];
    if (!*port || port[scan_ulong(port,&u)] || !u || u > 65535)
      usage("port must be a number from 1 to 65535");
  }
  if (!plainpath(auto_home))
    strerr_die(100,FATAL,"conf-home has characters the run script cannot hold: ",auto_home,0,0);

  umask(022);

  /* the service directory: refuse to touch an existing one */
  where(dir,0);
  if (mkdir(dir,0700) == -1) fail("unable to create ");
  if (chmod(dir,0755) == -1) fail("unable to chmod ");
  if (chdir(dir) == -1) fail("unable to switch to ");

  start(dir,"run",0);
  outs("#!/bin/sh\n");
  outs("# tinydnsdyn, made by tinydnsdyn-conf. Settings are files in env/\n");
  outs("# (ROOT, PASSWD, IP, PORT; DATA and TIMEOUT may be added); who may\n");
  outs("# connect is in rules (run make after editing it).\n");
  outs("exec 2>&1\n");
  outs("exec envdir ./env sh -c '\n");
  outs("  exec envuidgid "); outs(svcacct.pw_name);
  outs(" tcpserver -vDRHl0 -U -c 40 -x rules.cdb -- \"$IP\" \"$PORT\" ");
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

  start(dir,"rules",0);
  outlines(rules);
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
  if (start(root,"Makefile",1)) {
    outlines(datamakefile);
    finish(0644,0);
    if (start(root,"data.static",1)) finish(0644,0);
    if (start(root,"data.dyn",1)) finish(0644,&svcacct);
  }
  /* tinydnsdyn reads data.dyn as acct and renames its copy over it */
  where(root,"data.dyn");
  if (lstat("data.dyn",&st) == 0 && S_ISREG(st.st_mode)) owner("data.dyn",&svcacct);

  /* rules.cdb, so that the service answers as soon as it is started */
  if (chdir(dir) == -1) { where(dir,0); fail("unable to switch to "); }
  wstat = make_run(3600,3600);
  if (wstat == -1) { where(dir,0); fail("unable to run make in "); }
  if (wstat) strerr_die(111,FATAL,"make failed in ",dir,0,0);
  return 0;
}
