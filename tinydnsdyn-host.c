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
#include "lock.h"
#include "passwd.h"
#include "replace.h"
#include "status.h"

#define FATAL "tinydnsdyn-host: fatal: "
#define WARNING "tinydnsdyn-host: warning: "
#define USAGE "tinydnsdyn-host: usage: tinydnsdyn-host [-t ttl] [-p passwd [-u user]] [-s url] root add|take|acme|remove|list [host [address [address]]]"

#define WAIT 120 /* seconds for the locks and the make */
#define STATIC "data" /* the static data file, the operator's: take's source */

static const char *data;      /* $DATA in ROOT */
static const char *passwdfn;  /* -p */
static const char *username;  /* -u */
static const char *server = "https://SERVER"; /* -s: the service's URL, for acme */
static unsigned long ttl = 300;
static stralloc name;         /* the host */
static struct dyn_addr addr;  /* add: its addresses */
static stralloc user;
static stralloc secret;
static stralloc pw;           /* a copy of it, for passwd_entry to wipe */
static stralloc entry;
static stralloc added;        /* add, take: the lines written */
static stralloc line;
static stralloc passwdpath;
static struct passwd_change pwc;  /* -p: the password file's */
static struct dyn_txn t;          /* the data file */
static struct dyn_txn st;         /* take: the static data file */

static char outspace[BUFFER_OUTSIZE];

/* every fatal exit after the arguments: no temporary file is left, of
   the data file or of the password file, and neither changes after */
static void die(int code,const char *a,const char *b,const char *c,int e)
{
  dyn_txn_abandon(&st);
  dyn_txn_abandon(&t);
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

/* the user to create (-p): -u, or dflt followed by the host name */
static void getuser(const char *dflt)
{
  const char *bad;

  if (username) { if (!stralloc_copys(&user,username)) nomem(); }
  else if (!stralloc_copys(&user,dflt) || !stralloc_cat(&user,&name)) nomem();
  if (!stralloc_0(&user)) nomem();
  --user.len;
  bad = passwd_user(user.s);
  if (bad) usage(bad);
}

/* -p: the password file's new version, prepared under its lock before
   the data file is touched, so that whatever can go wrong with it (the
   user exists, the lock or the directory is not ours) changes nothing;
   add: with user's line (a new secret), refused if user has one;
   remove: without user's line if its host list is exactly the host.
   1 if prepared (pwc holds it), 0 if refused (remove only). */
static int passwdbegin(int mode,const stralloc *hosts)
{
  const char *why;
  const char *what;
  int x;

  if (mode == PASSWD_NEW) {
    if (passwd_secret(&secret) == -1) die(111,"unable to make a secret",0,0,errno);
    if (!stralloc_copy(&pw,&secret)) nomem();
    x = passwd_entry(&entry,&user,&pw,hosts);
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

/* -- the data file: one transaction (dyn_txn), as the handler's */

static struct dyn_req q;
static struct dyn_batch b;
static struct dyn_edits e;
static struct stat datast;
static const char *failwhy;

static void fail(const char *why)
{
  die(111,why,0,0,errno);
}

/* The files the handler opens for writing (the build lock and
   datadir_files): if we are not the data file's owner (root, say), any
   we would create now must be the owner's, or the service could not
   open them afterwards. */
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

/* a request of mode for the host, as the handler would make one: a
   batch of it alone */
static void setreq(int mode)
{
  if (!dyn_req_hosts(&q,1)) nomem();
  if (!stralloc_copy(&q.h[0].name,&name)) nomem();
  q.h[0].ok = 1;
  q.h[0].allowed = 1;
  q.mode = mode;
  q.ttl = ttl;
  q.now = (unsigned long) time(0);
  if (!dyn_batch_start(&b,1,1)) nomem();
  dyn_batch_add(&b,&q);
}

/* the data lock (as the handler takes it) and the data file open; its
   host's lines counted by the request of mode */
static void begin(int mode)
{
  if (stat(data,&datast) == -1) die(111,"unable to stat ",data,0,errno);
  ownfiles();
  if (dyn_txn_lock(&t,data,WAIT,&failwhy) == -1) fail(failwhy);
  if (dyn_txn_open(&t,&failwhy) == -1) fail(failwhy);
  setreq(mode);
  if (dyn_count(&b,t.fdin,&e) == -1) fail(e.why);
}

/* x's new version (a pass of the request) written and synced */
static void rewrite(struct dyn_txn *x)
{
  if (dyn_txn_new(x,&failwhy) == -1) fail(failwhy);
  if (dyn_write(&b,x->fdin,x->r.fd,&e) == -1) fail(e.why);
  if (dyn_txn_sync(x,&failwhy) == -1) fail(failwhy);
}

/* the new version in place, its generation counted as the handler
   counts it, so that whoever runs make next publishes it */
static void commit(void)
{
  if (dyn_txn_commit(&t,&failwhy) == -1) fail(failwhy);
  dyn_txn_abandon(&t);
  dyn_txn_unlock(&t);
  replace_syncdir(data);
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
  struct dyn_pub p;
  const char *why;
  int x;

  deadline_set(WAIT);
  p.data = data;
  p.gen = t.state.written;
  p.always = 0;
  p.wait = WAIT;
  p.limit = WAIT;
  p.sync = 0;
  p.fdold = -1;
  x = dyn_publish(&p,&why);
  if (x == -1) die(111,why,0,0,errno);
  if (x == 1) {
    if (WIFEXITED(p.wstat)) die(111,"the data file is written, but make failed",0,0,0);
    die(111,"the data file is written, but make was killed",0,0,0);
  }
  put("published: ");
  put(data);
  put(" built into data.cdb\n");
}

/* -- commands */

static void newuser(void)
{
  if (passwdfn) {
    getuser("");
    passwdbegin(PASSWD_NEW,&name);
  }
}

/* the user made (-p), a fresh status line for a new host (fresh: one
   that had lines keeps its history), what was added; then make */
static void announce(int fresh,int has4,int has6)
{
  if (passwdfn) passwdcommit();
  if (fresh && status_host(data,name.s,name.len,1,has4,has6,(unsigned long) time(0)) == -1)
    strerr_warn(WARNING,"unable to add the host to the status file",0,0,errno);
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

/* add: a new host, or the other family of one */
static void doadd(void)
{
  const struct dyn_count *c = 0;

  newuser();
  newlines();
  begin(DYN_ADD);
  c = &q.h[0].c;
  if ((addr.has4 && c->lines4) || (addr.has6 && c->lines6)) die(100,name.s," already has address lines of that family in ",data,0);
  if (!stralloc_copy(&q.add,&added)) nomem();
  rewrite(&t);
  commit();
  if (!stralloc_copys(&line,"added: ") || !stralloc_cat(&line,&added) || !stralloc_copy(&added,&line)) nomem();
  announce(!c->lines,addr.has4,addr.has6);
}

/* take: the host's address lines move from the static data file into
   the data file, with a dynamic TTL */
static void dotake(void)
{
  const struct dyn_count *c;
  int fdmake;

  if (str_equal(data,STATIC)) die(100,"$DATA is ",STATIC,": nothing to take from",0);
  newuser();
  begin(DYN_ADD);
  if (q.h[0].c.lines) die(100,name.s," already has address lines in ",data,0);
  /* no make between the two renames: it would serve the host twice */
  fdmake = lock_open(DATADIR_MAKELOCK);
  if (fdmake == -1 || lock_wait(fdmake,WAIT) == -1) die(111,"unable to lock ",DATADIR_MAKELOCK,0,errno);
  st.fn = STATIC; /* no lock of its own (dyn_txn_lock): the operator's file */
  if (dyn_txn_open(&st,&failwhy) == -1) die(111,"unable to open ",STATIC,0,errno);
  setreq(DYN_TAKE);
  if (dyn_count(&b,st.fdin,&e) == -1) fail(e.why);
  c = &q.h[0].c;
  if (!c->lines) die(100,name.s," has no address lines in ",STATIC,0);
  rewrite(&st);
  if (!stralloc_copy(&added,&q.add)) nomem();
  /* then the data file gets them, as add adds */
  setreq(DYN_ADD);
  if (!stralloc_copy(&q.add,&added)) nomem();
  rewrite(&t);
  commit();
  if (replace_rename(&st.r) == -1) die(111,"the data file has the lines, but ",STATIC," could not be replaced: remove them from it",errno);
  st.r.tmp.len = 0;
  dyn_txn_abandon(&st);
  replace_syncdir(STATIC);
  close(fdmake);
  if (!stralloc_copys(&line,"took: ") || !stralloc_cat(&line,&added) || !stralloc_copy(&added,&line)) nomem();
  announce(1,c->lines4 > 0,c->lines6 > 0);
}

static void doremove(void)
{
  int dropuser = 0;
  unsigned long n;

  if (passwdfn) {
    getuser("");
    dropuser = passwdbegin(PASSWD_DROP,&name);
  }
  begin(DYN_DROP);
  n = q.h[0].c.lines;
  if (!n) die(100,name.s," has no address lines in ",data,0);
  rewrite(&t);
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

/* name=value, for a client's configuration */
static void conf2(const char *n,const stralloc *v,const char *sep)
{
  put(n);
  buffer_put(buffer_1,v->s,v->len);
  put(sep);
}

/* acme: a user whose secret may set and remove the ACME challenges of
   a host that the data file has, and nothing else (the flag acme);
   prints what each ACME client's configuration needs */
static void doacme(void)
{
  static stralloc hosts;
  unsigned int i;

  if (!passwdfn) usage("acme needs -p");
  getuser(DYN_ACME);
  /* put into JSON and shell lines as they are */
  for (i = 0;i < user.len;++i)
    if (byte_chr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-",65,user.s[i]) == 65)
      usage("an acme user name has only letters, digits, '.', '_' and '-'");
  begin(DYN_ADD);
  if (!q.h[0].c.lines) die(100,name.s," has no address lines in ",data,0);
  dyn_txn_abandon(&t);
  dyn_txn_unlock(&t);
  if (!stralloc_copy(&hosts,&name) || !stralloc_cats(&hosts,":acme")) nomem();
  passwdbegin(PASSWD_NEW,&hosts);
  passwdcommit();
  conf2("user: ",&user,"\n");
  conf2("secret: ",&secret,"\n");
  put("acme-dns accounts JSON (cert-manager acmeDNS, lego and Traefik acme-dns; server ");
  put(server);
  put("):\n{\"");
  conf2("",&name,"\":{\"username\":\"");
  conf2("",&user,"\",\"password\":\"");
  conf2("",&secret,"\",\"fulldomain\":\"" DYN_ACME);
  conf2("",&name,"\",\"subdomain\":\"");
  conf2("",&name,"\",\"allowfrom\":[]}}\n");
  put("acme.sh dns_acmedns: ACMEDNS_BASE_URL=");
  put(server);
  conf2(" ACMEDNS_USERNAME=",&user," ");
  conf2("ACMEDNS_PASSWORD=",&secret," ");
  conf2("ACMEDNS_SUBDOMAIN=",&name,"\n");
  put("Caddy: tls { dns acmedns {");
  conf2(" username ",&user,"");
  conf2(" password ",&secret,"");
  conf2(" subdomain ",&name," server_url ");
  put(server);
  put(" } }\nlego and Traefik httpreq: HTTPREQ_ENDPOINT=");
  put(server);
  conf2(" HTTPREQ_USERNAME=",&user," ");
  conf2("HTTPREQ_PASSWORD=",&secret,"\n");
  putflush();
  byte_zero(secret.s,secret.len);
}

/* list: a line of the data file, printed if it is a host's address line */
static int listed(void *arg,const char *s,unsigned int len)
{
  struct dyn_addr a;
  int wild;
  int x;

  (void) arg;
  x = hostline(s,len,&name,&wild,&a);
  if (x <= 0) return x;
  if (wild) put("*.");
  buffer_put(buffer_1,name.s,name.len);
  put(" ");
  if (a.has4) buffer_put(buffer_1,a.text4,a.len4);
  else if (a.has6) buffer_put(buffer_1,a.text6,a.len6);
  else put("-");
  put("\n");
  return 0;
}

/* every address line of the data file: host, then its address */
static void dolist(void)
{
  if (dyn_list(data,listed,0) == -1) {
    if (errno == ENOMEM) nomem();
    die(111,"unable to read ",data,0,errno);
  }
  putflush();
}

int main(int argc,char **argv)
{
  const char *x;
  int opt;

  if (fd_std() == -1) _exit(111); /* nowhere to say so */
  signal(SIGXFSZ,SIG_IGN); /* over ulimit -f: EFBIG, said, no temp left */
  t.fdin = st.fdin = -1;
  t.fdlock = st.fdlock = -1;
  t.r.fd = st.r.fd = -1;
  pwc.fdlock = -1;
  while ((opt = getopt(argc,argv,"t:p:u:s:")) != -1)
    switch (opt) {
      case 's': server = optarg; break;
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
  else if (str_equal(x,"remove") || str_equal(x,"take") || str_equal(x,"acme")) {
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
  else if (str_equal(x,"take")) dotake();
  else if (str_equal(x,"acme")) doacme();
  else if (str_equal(x,"remove")) doremove();
  else dolist();
  return 0;
}
