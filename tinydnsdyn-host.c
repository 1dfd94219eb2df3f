#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "fd.h"
#include "buffer.h"
#include "byte.h"
#include "getln.h"
#include "scan.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"
#include "auth.h"
#include "datadir.h"
#include "deadline.h"
#include "dnsname.h"
#include "dyn.h"
#include "hostline.h"
#include "passwd.h"
#include "replace.h"
#include "status.h"

#define FATAL "tinydnsdyn-host: fatal: "
#define WARNING "tinydnsdyn-host: warning: "
#define USAGE "tinydnsdyn-host: usage: tinydnsdyn-host [-t ttl] [-p passwd [-u user]] root add|remove|list [host [address [address]]]"

#define WAIT 120 /* seconds for the locks and the make */

static const char *data;      /* $DATA in ROOT */
static const char *passwdfn;  /* -p */
static const char *username;  /* -u */
static unsigned long ttl = 300;
static stralloc name;         /* the host */
static struct dyn_addr addr;  /* add: its addresses */
static stralloc user;
static stralloc secret;
static stralloc pw;           /* a copy of it, for passwd_entry to wipe */
static stralloc entry;
static stralloc added;        /* add: the lines written */
static stralloc line;
static stralloc out;
static stralloc passwdpath;
static struct dyn_req q;
static struct replace r;          /* the data file's new version */
static struct passwd_change pwc;  /* -p: the password file's */
static struct stat datast;

static char outspace[BUFFER_OUTSIZE];

/* every fatal exit after the arguments: no temporary file is left, of
   the data file or of the password file, and neither changes after */
static void die(int code,const char *a,const char *b,const char *c,int e)
{
  if (r.fd != -1) replace_abort(&r);
  passwd_write_abort(&pwc);
  strerr_die(code,FATAL,a,b,c,e);
}

static void nomem(void)
{
  die(111,"out of memory",0,0,0);
}

static void usage(const char *why)
{
  if (why) strerr_warn(FATAL,why,0,0,0);
  strerr_die(100,USAGE,0,0,0,0);
}

static void put(const char *s)
{
  buffer_puts(buffer_1,s);
}

static void putflush(void)
{
  if (buffer_flush(buffer_1) == -1) die(111,"unable to write output",0,0,errno);
}

/* -- arguments */

static void gethost(const char *s)
{
  errno = 0;
  if (!dnsname_fqdn(&name,s,str_len(s))) {
    if (errno == ENOMEM) nomem();
    die(100,"not a host name: '",s,"'",0);
  }
  if (!stralloc_0(&name)) nomem();
  --name.len;
}

/* one IPv4 and/or one IPv6 address, in either order */
static void getaddr(char **argv)
{
  static stralloc list;
  unsigned int i;

  if (!argv[0]) usage("add needs an address");
  if (argv[1] && argv[2]) usage("at most two addresses: an IPv4 one and an IPv6 one");
  if (!stralloc_copys(&list,"")) nomem();
  for (i = 0;argv[i];++i) {
    if (!*argv[i] || byte_chr(argv[i],str_len(argv[i]),',') < str_len(argv[i]))
      die(100,"not an address: '",argv[i],"'",0);
    if (i && !stralloc_cats(&list,",")) nomem();
    if (!stralloc_cats(&list,argv[i])) nomem();
  }
  if (!dyn_addr_scan(&addr,list.s,list.len) || (!addr.has4 && !addr.has6)) {
    if (!stralloc_0(&list)) nomem();
    die(100,"not one IPv4 and/or one IPv6 address: '",list.s,"'",0);
  }
}

/* the user to create (-p): -u, or the host name itself */
static void getuser(void)
{
  const char *u = username ? username : name.s;
  const char *bad = passwd_user(u);

  if (bad) usage(bad);
  if (!stralloc_copys(&user,u) || !stralloc_0(&user)) nomem();
  --user.len;
}

/* -p: the password file's new version, prepared under its lock before
   the data file is touched, so that whatever can go wrong with it (the
   user exists, the lock or the directory is not ours) changes nothing;
   add: with user's line (a new secret), refused if user has one;
   remove: without user's line if its host list is exactly the host.
   1 if prepared (pwc holds it), 0 if refused (remove only). */
static int passwdbegin(int mode)
{
  const char *why;
  const char *what;
  int x;

  if (mode == PASSWD_NEW) {
    if (passwd_secret(&secret) == -1) die(111,"unable to make a secret",0,0,errno);
    if (!stralloc_copy(&pw,&secret)) nomem();
    x = passwd_entry(&entry,&user,&pw,&name);
    if (x == -1) die(111,"unable to hash the secret",0,0,errno);
  }
  else if (!stralloc_copy(&entry,&name)) nomem();
  x = passwd_write_begin(&pwc,passwdfn,&user,&entry,mode,&why,&what);
  if (x == -1) {
    if (errno == ENOMEM) nomem();
    die(111,"nothing changed: ",why,what,errno);
  }
  if (x == 1 && mode == PASSWD_NEW) die(100,"user ",user.s," already exists in the password file",0);
  return !x;
}

/* the data file is written: the password file's new version in place */
static void passwdcommit(void)
{
  const char *why;
  const char *what;

  if (passwd_write_commit(&pwc,&why,&what) == -1)
    die(111,"the data file is written, the password file is not: ",why,what,errno);
}

/* -- the data file */

static int fdlock = -1;
static int fdin = -1;
static const char *failwhy;
static struct dyn_state st;

static void fail(const char *why)
{
  die(111,why,0,0,errno);
}

/* The files the handler opens for writing (datadir_files): if we are
   not the data file's owner (root, say), any we would create now must
   be the owner's, or the service could not open them afterwards. */
static void ownfiles(void)
{
  static stralloc fn;
  unsigned int i;
  int fd;

  if (datast.st_uid == geteuid() && datast.st_gid == getegid()) return;
  for (i = 0;i == 0 || datadir_files[i - 1];++i) {
    if (!i) { if (!stralloc_copys(&fn,DATADIR_MAKELOCK) || !stralloc_0(&fn)) nomem(); }
    else if (!datadir_name(&fn,data,datadir_files[i - 1])) nomem();
    fd = open(fn.s,O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,0600);
    if (fd == -1) {
      if (errno == EEXIST) continue;
      die(111,"unable to create ",fn.s,0,errno);
    }
    if (fchown(fd,datast.st_uid,datast.st_gid) == -1) die(111,"unable to chown ",fn.s,0,errno);
    close(fd);
  }
}

/* the data lock (dyn_lock, as the handler takes it), the data file
   open, its stale temporary files gone, a temporary file for its new
   version made, owned like it */
static void begin(void)
{
  if (stat(data,&datast) == -1) die(111,"unable to stat ",data,0,errno);
  ownfiles();
  fdlock = dyn_lock(data,WAIT,&st,&failwhy);
  if (fdlock == -1) fail(failwhy);
  fdin = open(data,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) fail("unable to open data file");
  if (fstat(fdin,&datast) == -1) fail("unable to stat data file");
  if (dyn_cleantemp(data) == -1) fail("unable to clean temporary files");
  r.fd = -1;
  if (replace_open(&r,data,datast.st_mode & 07777) == -1) fail("unable to create temporary file");
  if (datast.st_uid != geteuid() || datast.st_gid != getegid())
    if (fchown(r.fd,datast.st_uid,datast.st_gid) == -1) fail("unable to chown temporary file");
}

/* the new version in place, its generation counted as dyn_update
   counts it, so that whoever runs make next publishes it */
static void commit(void)
{
  close(fdin);
  if (replace_done(&r,1) == -1) fail("unable to write temporary file");
  ++st.written;
  if (dyn_state_write(fdlock,&st) == -1) { replace_abort(&r); fail("unable to write lock file"); }
  if (replace_rename(&r) == -1) fail("unable to replace data file");
  close(fdlock);
  replace_syncdir(data);
}

static void abandon(void)
{
  replace_abort(&r);
  close(fdin);
  close(fdlock);
}

/* the request that finds the host's lines, as the handler would: in
   DYN_TXT mode removing every challenge value, so that a pass counts
   its address lines and drops its ACME lines (and expired ones) */
static void setreq(void)
{
  byte_zero((char *) &q.h[0],sizeof q.h[0]);
  if (!stralloc_copy(&q.h[0].name,&name)) nomem();
  q.h[0].ok = 1;
  q.h[0].allowed = 1;
  q.h[0].txt = 1;
  q.nh = 1;
  q.mode = DYN_TXT;
  q.txt.action = DYN_TXTDEL;
  q.txt.n = 0;
  q.now = (unsigned long) time(0);
}

/* Copies the data file to the temporary one, line by line through
   dyn_line, leaving out the host's ACME lines and expired ones; with
   drop, its address lines too.
   Returns the host's address lines seen. Lines longer than DYN_LINEMAX
   are nobody's: copied as they are. */
static unsigned long copy(int drop,int *endnl)
{
  char inspace[BUFFER_INSIZE];
  buffer in;
  buffer o;
  unsigned long before;
  int match;
  int atstart = 1;
  int x;

  *endnl = 1;
  buffer_init(&in,buffer_unixread,fdin,inspace,sizeof inspace);
  buffer_init(&o,buffer_unixwrite,r.fd,outspace,sizeof outspace);
  for (;;) {
    if (getln(&in,&line,&match,'\n',DYN_LINEMAX + 1) == -1) fail("unable to read data file");
    if (!line.len) break;
    x = 0;
    if (atstart && (match || line.len <= DYN_LINEMAX)) {
      before = q.h[0].lines;
      x = dyn_line(&q,line.s,line.len,&out);
      if (x == -1) nomem();
      /* 1: an ACME line that goes (the host's, or expired) */
      if (q.h[0].lines > before) x = drop; /* one of its address lines */
    }
    if (!x && buffer_put(&o,line.s,line.len) == -1) fail("unable to write temporary file");
    if (!x) *endnl = match;
    atstart = match;
  }
  if (buffer_flush(&o) == -1) fail("unable to write temporary file");
  return q.h[0].lines;
}

static void catulong(stralloc *sa,unsigned long u)
{
  if (!stralloc_catulong(sa,u)) nomem();
}

/* the lines of a new host: +name:ip4:ttl, and for IPv6 the generic
   AAAA line every tinydns-data reads */
static void newlines(void)
{
  char text[IP6_FMT_OCTAL];

  if (!stralloc_copys(&added,"")) nomem();
  if (addr.has4) {
    if (!stralloc_cats(&added,"+") || !stralloc_cat(&added,&name) || !stralloc_cats(&added,":")
        || !stralloc_catb(&added,addr.text4,addr.len4) || !stralloc_cats(&added,":")) nomem();
    catulong(&added,ttl);
    if (!stralloc_cats(&added,"\n")) nomem();
  }
  if (addr.has6) {
    if (!stralloc_cats(&added,":") || !stralloc_cat(&added,&name) || !stralloc_cats(&added,":28:")
        || !stralloc_catb(&added,text,ip6_fmt_octal(text,addr.ip6)) || !stralloc_cats(&added,":")) nomem();
    catulong(&added,ttl);
    if (!stralloc_cats(&added,"\n")) nomem();
  }
}

/* -- make */

static void publish(void)
{
  const char *why;
  int wstat;
  int x;

  deadline_set(WAIT);
  x = dyn_publish(data,st.written,0,WAIT,WAIT,0,-1,&wstat,&why);
  if (x == -1) die(111,why,0,0,errno);
  if (x == 1) {
    if (WIFEXITED(wstat)) die(111,"the data file is written, but make failed",0,0,0);
    die(111,"the data file is written, but make was killed",0,0,0);
  }
  put("published: ");
  put(data);
  put(" built into data.cdb\n");
}

/* -- commands */

static void doadd(void)
{
  int endnl;

  if (passwdfn) {
    getuser();
    passwdbegin(PASSWD_NEW);
  }
  newlines();
  setreq();
  begin();
  if (copy(0,&endnl)) {
    abandon();
    die(100,name.s," already has address lines in ",data,0);
  }
  if (!endnl && write(r.fd,"\n",1) != 1) fail("unable to write temporary file");
  if (write(r.fd,added.s,added.len) != (int) added.len) fail("unable to write temporary file");
  commit();
  if (passwdfn) passwdcommit();
  if (status_host(data,name.s,name.len,1,addr.has4,addr.has6,(unsigned long) time(0)) == -1)
    strerr_warn(WARNING,"unable to add the host to the status file",0,0,errno);
  put("added: ");
  buffer_put(buffer_1,added.s,added.len);
  if (passwdfn) {
    /* before make, which may fail: the user exists now */
    put("user: ");
    buffer_put(buffer_1,user.s,user.len);
    put("\nsecret: ");
    buffer_put(buffer_1,secret.s,secret.len);
    put("\n");
  }
  putflush();
  byte_zero(secret.s,secret.len);
  publish();
  putflush();
}

static void doremove(void)
{
  int endnl;
  int dropuser = 0;
  unsigned long n;

  if (passwdfn) {
    getuser();
    dropuser = passwdbegin(PASSWD_DROP);
  }
  setreq();
  begin();
  n = copy(1,&endnl);
  if (!n) {
    abandon();
    die(100,name.s," has no address lines in ",data,0);
  }
  commit();
  if (dropuser) passwdcommit();
  if (status_host(data,name.s,name.len,0,0,0,(unsigned long) time(0)) == -1)
    strerr_warn(WARNING,"unable to drop the host from the status file",0,0,errno);
  put("removed: ");
  put(name.s);
  put(" (");
  line.len = 0;
  catulong(&line,n);
  buffer_put(buffer_1,line.s,line.len);
  put(n == 1 ? " line)\n" : " lines)\n");
  if (dropuser) {
    put("user removed: ");
    buffer_put(buffer_1,user.s,user.len);
    put("\n");
  }
  else if (passwdfn)
    put("user kept: no line for it in the password file with exactly this host\n");
  putflush();
  publish();
  putflush();
}

/* every address line of the data file: host, then its address */
static void dolist(void)
{
  char inspace[BUFFER_INSIZE];
  struct dyn_addr a;
  buffer in;
  int atstart = 1;
  int wild;
  int x;
  int fd;

  fd = open(data,O_RDONLY | O_CLOEXEC);
  if (fd == -1) die(111,"unable to open ",data,0,errno);
  buffer_init(&in,buffer_unixread,fd,inspace,sizeof inspace);
  while ((x = hostline_get(&in,&line,&atstart,&name,&wild,&a))) {
    if (x == -1) {
      if (errno == ENOMEM) nomem();
      die(111,"unable to read ",data,0,errno);
    }
    if (wild) put("*.");
    buffer_put(buffer_1,name.s,name.len);
    put(" ");
    if (a.has4) buffer_put(buffer_1,a.text4,a.len4);
    else if (a.has6) buffer_put(buffer_1,a.text6,a.len6);
    else put("-");
    put("\n");
  }
  close(fd);
  putflush();
}

int main(int argc,char **argv)
{
  const char *x;
  int opt;

  if (fd_std() == -1) _exit(111); /* nowhere to say so */
  signal(SIGXFSZ,SIG_IGN); /* over ulimit -f: EFBIG, said, no temp left */
  r.fd = -1;
  pwc.fdlock = -1;
  while ((opt = getopt(argc,argv,"t:p:u:")) != -1)
    switch (opt) {
      case 't':
        if (!*optarg || optarg[scan_ulong(optarg,&ttl)] || ttl > 4294967295UL) usage("bad ttl");
        break;
      case 'p': passwdfn = optarg; break;
      case 'u': username = optarg; break;
      default: usage(0);
    }
  argv += optind;
  argc -= optind;
  if (argc < 2) usage(0);
  if (username && !passwdfn) usage("-u needs -p");
  data = getenv("DATA");
  if (!data || !*data) data = "data.dyn";
  if (!datadir_nameok(data)) die(100,"$DATA must be a file name in the root",0,0,0);
  x = argv[1];
  if (str_equal(x,"add")) {
    if (argc < 4 || argc > 5) usage(0);
    gethost(argv[2]);
    getaddr(argv + 3);
  }
  else if (str_equal(x,"remove")) {
    if (argc != 3) usage(0);
    gethost(argv[2]);
  }
  else if (str_equal(x,"list")) {
    if (argc != 2 || passwdfn) usage(0);
  }
  else usage(0);
  /* the password file is named from where we were started */
  if (passwdfn && passwdfn[0] != '/') {
    if (!getcwd(outspace,sizeof outspace)) die(111,"unable to get the current directory",0,0,errno);
    if (!stralloc_copys(&passwdpath,outspace) || !stralloc_cats(&passwdpath,"/")
        || !stralloc_cats(&passwdpath,passwdfn) || !stralloc_0(&passwdpath)) nomem();
    passwdfn = passwdpath.s;
  }
  if (chdir(argv[0]) == -1) die(111,"unable to chdir to ",argv[0],0,errno);
  if (str_equal(x,"add")) doadd();
  else if (str_equal(x,"remove")) doremove();
  else dolist();
  return 0;
}
