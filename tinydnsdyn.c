#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "byte.h"
#include "str.h"
#include "scan.h"
#include "stralloc.h"
#include "buffer.h"
#include "strerr.h"
#include "deadline.h"
#include "http.h"
#include "auth.h"
#include "case.h"
#include "datadir.h"
#include "fd.h"
#include "dnsname.h"
#include "dyn.h"
#include "json.h"
#include "logline.h"
#include "proxy.h"
#include "status.h"
#include "onchange.h"

#define FATAL "tinydnsdyn: fatal: "
#define MORE "tinydnsdyn: + "   /* a long line's next ones (logline_put) */

/* the configuration, from the environment (envdir ./env in run) and
   tcpserver; checked once, before the request is read */
static struct {
  unsigned long timeout;      /* TIMEOUT: the connection's deadline */
  const char *passwd;         /* PASSWD */
  const char *data;           /* DATA, a file name in ROOT (now cwd) */
  int groupcommit;            /* GROUPCOMMIT=0: make per update */
  int status;                 /* STATUS=0: no status file */
  int requireagent;           /* REQUIREAGENT=0: no User-Agent needed */
  unsigned long authdelay;    /* AUTHDELAYMAX */
  unsigned long acmelifetime; /* ACMELIFETIME */
  unsigned long maketimeout;  /* MAKETIMEOUT: a make running longer is killed */
  unsigned long maxhosts;     /* MAXHOSTS */
  struct dyn_limits limits;   /* MAXPERHOUR, MININTERVAL */
  int hasoffline;             /* OFFLINEIP is set */
  struct dyn_addr offline;    /* OFFLINEIP */
  const char *badoffline;     /* what is wrong with it: 911 for offline=YES */
  const char *onchange;       /* ONCHANGE: run for each host changed */
  unsigned long onchangetimeout; /* ONCHANGETIMEOUT */
  const char *bad;            /* the first thing wrong, answered 911 */
  int baderrno;
} conf;

static const char *remoteip; /* TCPREMOTEIP, or the PROXY line's */
static char req[HTTP_REQMAX];
static struct http_request r;
static struct dyn_req q;
static int status = 200;
static const char *ctype;  /* the answer's type; 0: text/plain */

/* The request forms: dyndns2, and the two ACME challenge APIs */
#define API_DYNDNS 0   /* /, /nic/update, /v3/update */
#define API_ACMEDNS 1  /* POST /update, acme-dns's: X-Api-User, X-Api-Key */
#define API_PRESENT 2  /* POST /present, lego httpreq's: Basic auth */
#define API_CLEANUP 3  /* POST /cleanup */
static int api;
static int authed;       /* the user is logged: the request is checked */
static int authflags;    /* the user's password file flags (AUTH_ACME) */

static stralloc logline; /* the one line for fd 2, built as we go */
static stralloc body;
static stralloc why;     /* finish: the reason for a fatal line */
static stralloc pass;
static stralloc domains;
static stralloc param;   /* a query parameter's value */
static stralloc other;   /* a repeated parameter's second value */
static stralloc lockfn;
static stralloc authfailfn;
static int reqcode;   /* DYN_*: the one answer to the whole request */
static int authtried; /* credentials given: the request goes into the status file */

/* Out of memory: 911 and one log line, with nothing allocated; the
   request is over. HEAD gets no body. */
static void nomem(void)
{
  static const char head[] = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\n";
  static const char line[] = FATAL "out of memory; ";

  deadline_set(conf.timeout);
  if (allwrite(deadline_write,1,head,sizeof head - 1) == 0 && !r.head) allwrite(deadline_write,1,"911\n",4);
  shutdown(1,SHUT_WR);
  allwrite(buffer_unixwrite,2,line,sizeof line - 1);
  allwrite(buffer_unixwrite,2,remoteip,str_len(remoteip));
  allwrite(buffer_unixwrite,2," 911\n",5);
  _exit(111);
}

static void logcats(const char *s)
{
  if (!stralloc_cats(&logline,s)) nomem();
}

static void logsafe(const char *s,unsigned int len)
{
  if (!logline_safe(&logline,s,len)) nomem();
}

static void logcatulong(unsigned long u)
{
  if (!stralloc_catulong(&logline,u)) nomem();
}

/* the request in the status file (status.h), once it is answered:
   failing costs history, never the answer */
static void record(void)
{
  if (!authtried || !conf.status) return;
  if (status_record(conf.data,&q,reqcode,remoteip,(unsigned long) time(0)) == -1) {
    logcats(" (status not recorded: ");
    logcats(strerr_sys(errno));
    logcats(")");
  }
}

/* $ONCHANGE for each host changed, once the answer and the log line
   are out, in a process of its own: the handler exits meanwhile */
static void onchange(void)
{
  struct onchange_req x;

  if (!conf.onchange) return;
  x.q = &q;
  x.prog = conf.onchange;
  x.timeout = conf.onchangetimeout;
  x.client = remoteip;
  if (onchange_start(&x) == -1) strerr_warn("tinydnsdyn: warning: ","unable to start $ONCHANGE: ",strerr_sys(errno),0,0);
}

/* answer the client, write the log line, exit */
static void finish(int code,const char *extra,const char *reason,int e)
{
  deadline_set(conf.timeout);
  if (http_respond(1,status,ctype,extra,body.s,body.len,r.head) == -1) {
    logcats(" (answer not delivered: ");
    logcats(strerr_sys(errno));
    logcats(")");
  }
  /* the client has all of it: end the connection now (FIN), not when
     the status file is written and this process exits */
  shutdown(1,SHUT_WR);
  record();
  if (!stralloc_0(&logline)) nomem();
  if (reason) {
    /* one line still: what went wrong first, then the request */
    if (!stralloc_copys(&why,reason)) nomem();
    if (e && (!stralloc_cats(&why,": ") || !stralloc_cats(&why,strerr_sys(e)))) nomem();
    if (!stralloc_cats(&why,"; ") || !stralloc_cat(&why,&logline)) nomem();
    logline_put(FATAL,MORE,why.s);
  }
  else logline_put("tinydnsdyn: ",MORE,logline.s);
  onchange();
  _exit(code);
}

/* answer with an HTTP status other than 200 and a one-line body */
static void refuse(int st,const char *text,const char *extra)
{
  status = st;
  if (!stralloc_copys(&body,text) || !stralloc_cats(&body,"\n")) nomem();
  logcats(" ");
  logcatulong(st);
  logcats(" ");
  logcats(text);
  finish(0,extra,0,0);
}

static stralloc apivalue; /* the ACME APIs: the value asked for */

/* The answer of an ACME API to a request answered code: its status,
   and its body (acme-dns's JSON, or the word). acme-dns's clients want
   200 and {"txt": "VALUE"}; its errors are forbidden (401: a bad key,
   or a host not the user's), bad_subdomain and bad_txt (400), and
   db_error (500, the server's failure). lego's httpreq takes any
   status below 400 as done. */
static void apianswer(int code)
{
  const char *err = 0;

  switch (code) {
    case DYN_GOOD: case DYN_NOCHG: status = 200; break;
    case DYN_NOHOST: case DYN_BADAUTH: status = api == API_ACMEDNS ? 401 : 403; err = "forbidden"; break;
    case DYN_NOTFQDN: status = 400; err = "bad_subdomain"; break;
    case DYN_BADAGENT: status = 400; err = "bad_txt"; break;
    case DYN_ABUSE: status = 429; err = "abuse"; break;
    case DYN_DNSERR: status = 500; err = "db_error"; break;
    default: status = api == API_ACMEDNS ? 500 : 503; err = "db_error"; break;
  }
  if (api != API_ACMEDNS) {
    if (!stralloc_copys(&body,dyn_code_word(code)) || !stralloc_cats(&body,"\n")) nomem();
    return;
  }
  ctype = "application/json";
  if (err) { if (!stralloc_copys(&body,"{\"error\": \"") || !stralloc_cats(&body,err)) nomem(); }
  else if (!stralloc_copys(&body,"{\"txt\": \"") || !stralloc_cat(&body,&apivalue)) nomem();
  if (!stralloc_cats(&body,"\"}")) nomem();
}

/* 200 with a single code for the whole request */
static void answer1(int code)
{
  reqcode = code;
  if (api) {
    apianswer(code);
    logcats(" ");
    logcatulong(status);
    logcats(" ");
    logcats(dyn_code_word(code));
    finish(0,0,0,0);
  }
  if (!stralloc_copys(&body,dyn_code_word(code)) || !stralloc_cats(&body,"\n")) nomem();
  logcats(" ");
  logcats(dyn_code_word(code));
  finish(0,0,0,0);
}

/* a temporary server-side failure: 911 to the client, 111 */
static void fail911(const char *reason,int e)
{
  if (!reqcode) reqcode = DYN_911;
  if (!stralloc_copys(&body,"911\n")) nomem();
  if (api) apianswer(DYN_911);
  logcats(" 911");
  finish(111,0,reason,e);
}

static void bad(const char *reason,int e)
{
  if (!conf.bad) { conf.bad = reason; conf.baderrno = e; }
}

/* a numeric setting: the default if unset, else it must be in range */
static unsigned long envnum(const char *name,unsigned long dflt,unsigned long min,unsigned long max,const char *reason)
{
  const char *x = getenv(name);
  unsigned long v;

  if (!x) return dflt;
  if (!*x || x[scan_ulong(x,&v)] || v < min || v > max) { bad(reason,0); return dflt; }
  return v;
}

static int envoff(const char *name)
{
  const char *x = getenv(name);
  return x && str_equal(x,"0");
}

/* Every setting, checked once; then chdir to ROOT, so that no file is
   touched anywhere else. What is wrong is answered 911 once the
   request is read (bad). */
static void configure(void)
{
  const char *x;

  conf.timeout = envnum("TIMEOUT",60,1,86400,"$TIMEOUT must be a number of seconds from 1 to 86400");
  conf.limits.perhour = envnum("MAXPERHOUR",60,0,1000000,"$MAXPERHOUR is not a number in its range");
  conf.limits.mininterval = envnum("MININTERVAL",0,0,86400,"$MININTERVAL is not a number in its range");
  conf.authdelay = envnum("AUTHDELAYMAX",10,0,60,"$AUTHDELAYMAX is not a number in its range");
  conf.acmelifetime = envnum("ACMELIFETIME",3600,1,604800,"$ACMELIFETIME is not a number in its range");
  conf.maketimeout = envnum("MAKETIMEOUT",5 * conf.timeout,1,604800,"$MAKETIMEOUT is not a number in its range");
  conf.maxhosts = envnum("MAXHOSTS",DYN_HOSTDEFAULT,1,DYN_HOSTMAX,"$MAXHOSTS is not a number in its range");
  conf.groupcommit = !envoff("GROUPCOMMIT");
  conf.status = !envoff("STATUS");
  conf.onchangetimeout = envnum("ONCHANGETIMEOUT",10,1,3600,"$ONCHANGETIMEOUT is not a number in its range");
  conf.onchange = getenv("ONCHANGE");
  if (conf.onchange && !*conf.onchange) conf.onchange = 0;
  conf.requireagent = !envoff("REQUIREAGENT");
  x = getenv("OFFLINEIP");
  if (x && *x) {
    conf.hasoffline = 1;
    if (!dyn_addr_scan(&conf.offline,x,str_len(x)) || (!conf.offline.has4 && !conf.offline.has6)
        || conf.offline.prefix6)
      conf.badoffline = "$OFFLINEIP must be an IPv4 and/or an IPv6 address";
  }
  x = getenv("ALLOWROOT");
  if (!getuid() && (!x || !*x))
    bad("refusing to run as root: use tcpserver -U with envuidgid, or set $ALLOWROOT",0);
  conf.passwd = getenv("PASSWD");
  if (!conf.passwd) bad("$PASSWD not set",0);
  conf.data = getenv("DATA");
  if (!conf.data || !*conf.data) conf.data = "data.dyn";
  if (!datadir_nameok(conf.data)) bad("$DATA must be a file name in $ROOT",0);
  x = getenv("ROOT");
  if (!x) bad("$ROOT not set",0);
  else if (chdir(x) == -1) bad("unable to chdir to $ROOT",errno);
  remoteip = getenv("TCPREMOTEIP");
  if (!remoteip) remoteip = "0.0.0.0";
}

static void closed(void)
{
  logcats(" - closed before a request");
  if (errno) { logcats(": "); logcats(strerr_sys(errno)); }
  if (!stralloc_0(&logline)) nomem();
  logline_put("tinydnsdyn: ",MORE,logline.s);
  _exit(0);
}

/* $PROXY (non-empty, not 0), set by tcprules for a TLS front's address
   only: the front (stunnel's protocol = proxy) starts the connection
   with a PROXY protocol v1 line naming the real client, whose address
   then stands for $TCPREMOTEIP everywhere (myip, log, failed-login
   delay). Without the line, or with a broken one: 400. From any other
   address a PROXY line is refused (readrequest), or every client could
   name its own address. */
static void getproxy(void)
{
  static char ip[PROXY_IPFMT];
  char line[PROXY_LINEMAX];
  unsigned int len;
  const char *x;
  int st;

  x = getenv("PROXY");
  if (!x || !*x || str_equal(x,"0")) return;
  st = proxy_read(0,line,&len);
  if (st == -1) { logsafe(remoteip,str_len(remoteip)); closed(); }
  if (!st) {
    st = proxy_parse(line,len,ip);
    if (st == 1) remoteip = ip;
    if (st) return; /* 2: UNKNOWN, the front's own address stays */
    st = 400;
  }
  logsafe(remoteip,str_len(remoteip));
  logcats(" - bad-proxy-line");
  refuse(st,http_reason(st),0);
}

static int pathis(const char *p)
{
  return r.pathlen == str_len(p) && byte_equal(r.path,r.pathlen,p);
}

/* which form the path asks for (api): 1, or 0 for none (404) */
static int pathok(void)
{
  if (pathis("/") || pathis("/nic/update") || pathis("/v3/update")) return 1;
  if (pathis("/update")) api = API_ACMEDNS;
  else if (pathis("/present")) api = API_PRESENT;
  else if (pathis("/cleanup")) api = API_CLEANUP;
  else return 0;
  return 1;
}

/* POST and PUT: the form body after the head, read within the same
   deadline into the same buffer; a newline at its end is no part of
   the last value */
static void readbody(unsigned int len,unsigned int got)
{
  int st;

  if (!r.hasbody) return;
  /* dyndns2 takes a form, the ACME APIs JSON (whatever type a client
     gives it: acme.sh says form, Caddy nothing) */
  if (!api && r.bodylen && !r.form) { logcats(" -"); refuse(415,http_reason(415),0); }
  st = http_getbody(0,req,got,len + r.bodylen);
  if (st) {
    logcats(" -");
    refuse(st,http_reason(st),0);
  }
  r.body = req + len;
  while (r.bodylen && (r.body[r.bodylen - 1] == '\n' || r.body[r.bodylen - 1] == '\r')) --r.bodylen;
}

static void readrequest(void)
{
  unsigned int len;
  unsigned int got;
  int st;

  st = http_gethead(0,req,&len,&got);
  if (st == -1) closed();
  if (len >= 6 && byte_equal(req,6,"PROXY ")) {
    /* no $PROXY here, or a second line after the front's */
    logcats(" - unexpected-proxy-line");
    refuse(400,http_reason(400),0);
  }
  if (http_tls(req,got)) {
    /* TLS on the plain port: the client is set to HTTPS without a front */
    logcats(" - tls-handshake");
    refuse(400,http_reason(400),0);
  }
  if (st) {
    logcats(" -");
    refuse(st,http_reason(st),0);
  }
  st = http_parse(req,len,&r);
  if (st) {
    logcats(" -");
    refuse(st,http_reason(st),st == 405 ? "Allow: GET, HEAD, POST, PUT\r\n" : 0);
  }
  if (!pathok()) {
    logcats(" - ");
    logsafe(r.path,r.pathlen);
    refuse(404,"Not Found",0);
  }
  if (api && !(r.methodlen == 4 && byte_equal(r.method,4,"POST"))) {
    logcats(" - ");
    logsafe(r.path,r.pathlen);
    refuse(405,http_reason(405),"Allow: POST\r\n");
  }
  readbody(len,got);
}

/* The parameters, each with its aliases (names other services and the
   guides that copy them use); names are compared without regard to
   case. Each list is one parameter: naming it twice, by one name or
   two, is refused (repeated). */
static const char *const p_hostname[] = { "hostname", 0 };
static const char *const p_myip[] = { "myip", 0 };
static const char *const p_ip4[] = { "myipv4", "ipv4", "ip", 0 };
static const char *const p_ip6[] = { "myipv6", "ipv6", "myip6", "ip6", 0 };
static const char *const p_prefix[] = { "ip6lanprefix", "ipv6prefix", 0 };
static const char *const p_user[] = { "username", "user", 0 };
static const char *const p_pass[] = { "password", "pass", 0 };
static const char *const p_offline[] = { "offline", 0 };
static const char *const p_txt[] = { "txt", 0 };
static const char *const p_action[] = { "action", 0 };

/* a request that names a parameter twice: which one was meant? */
static void repeated(const char *const *names)
{
  if (!authed) logcats(" -");
  logcats(" repeated:");
  logcats(names[0]);
  answer1(DYN_BADAGENT);
}

/* how many times the query and the form body have the parameter
   names (a value in param) */
static int findparam(const char *const *names)
{
  int x;
  int y = 0;

  x = http_param(r.query,r.querylen,names,&param);
  if (x == -1) nomem();
  if (r.bodylen) {
    y = http_param(r.body,r.bodylen,names,x ? &other : &param);
    if (y == -1) nomem();
  }
  return x + y;
}

/* 1 if the query or the form body has the parameter names (its value
   in param), 0 if not; refuses the request if it is there twice */
static int getparam(const char *const *names)
{
  int n = findparam(names);

  if (n > 1) repeated(names);
  return n;
}

/* how many names param has, separated by commas */
static unsigned int count(void)
{
  unsigned int i;
  unsigned int n = 1;

  for (i = 0;i < param.len;++i) if (param.s[i] == ',') ++n;
  return n;
}

/* the names in param as q's hosts: each valid one ok (lower case, no
   trailing dot), the others kept as they are for the log only */
static void names(void)
{
  struct dyn_host *h;
  unsigned int i;
  unsigned int j;

  if (!dyn_req_hosts(&q,count())) nomem();
  for (i = 0,h = q.h;i <= param.len;i = j + 1,++h) {
    j = i + byte_chr(param.s + i,param.len - i,',');
    errno = 0; /* dnsname_fqdn sets it only when out of memory */
    h->ok = dnsname_fqdn(&h->name,param.s + i,j - i);
    if (!h->ok && errno == ENOMEM) nomem();
    if (!h->ok && !stralloc_copyb(&h->name,param.s + i,j - i)) nomem();
  }
}

/* 401. With credentials, the hosts the request names get the failure
   in the status file (record): a repeated hostname names nobody. */
static void badauth(void)
{
  unsigned int i;

  reqcode = DYN_BADAUTH;
  if (api == API_ACMEDNS) {
    /* acme-dns's answer; its clients send no Basic auth */
    status = 401;
    ctype = "application/json";
    if (!stralloc_copys(&body,"{\"error\": \"forbidden\"}")) nomem();
    logcats(" 401 forbidden");
    finish(0,0,0,0);
  }
  if (!api && authtried && conf.status && findparam(p_hostname) == 1 && count() <= conf.maxhosts) {
    names();
    for (i = 0;i < q.nh;++i) if (q.h[i].ok) q.h[i].r.code = DYN_BADAUTH;
  }
  refuse(401,dyn_code_word(DYN_BADAUTH),"WWW-Authenticate: Basic realm=\"tinydnsdyn\"\r\n");
}

/* a value that is there and not empty */
static int getvalue(const char *const *names)
{
  return getparam(names) && param.len;
}

/* The user and password: from the Authorization header (Basic) if
   there is one; else from username and password in the query or the
   form body, for routers that can send nothing else (DrayTek over
   HTTPS, Synology's and Tomato's URL templates). Either way they go
   through the same check. A missing user is no login (401, never
   delayed); a missing password is an empty one. */
static void getcredentials(void)
{
  if (api == API_ACMEDNS) {
    /* acme-dns: X-Api-User and X-Api-Key, checked like a password */
    if (!r.hasapiuser || !r.apiuserlen || r.apiuserlen > AUTH_USERMAX
        || byte_chr(r.apiuser,r.apiuserlen,':') < r.apiuserlen) { logcats(" -"); badauth(); }
    if (!stralloc_copyb(&q.user,r.apiuser,r.apiuserlen)) nomem();
    if (!stralloc_copyb(&pass,r.apikey,r.hasapikey ? r.apikeylen : 0)) nomem();
    return;
  }
  if (r.hasauth) {
    if (!auth_basic(r.auth,r.authlen,&q.user,&pass)) { logcats(" -"); badauth(); }
    return;
  }
  if (!getparam(p_user) || !param.len || param.len > AUTH_USERMAX
      || byte_chr(param.s,param.len,':') < param.len
      || byte_chr(param.s,param.len,'\n') < param.len
      || byte_chr(param.s,param.len,0) < param.len) {
    logcats(" -");
    badauth();
  }
  if (!stralloc_copy(&q.user,&param)) nomem();
  if (!getparam(p_pass)) param.len = 0;
  if (!stralloc_copy(&pass,&param)) nomem();
  byte_zero(param.s,param.len);
}

static void authenticate(void)
{
  const char *note;
  unsigned int delay;
  int ok;

  getcredentials();
  authtried = 1;
  logcats(" ");
  logsafe(q.user.s,q.user.len);
  ok = auth_check(conf.passwd,q.user.s,q.user.len,pass.s,pass.len,&domains,&authflags,&note);
  byte_zero(pass.s,pass.len);
  if (ok == -1 && errno == ENOMEM) fail911("unable to check password: out of memory",0);
  if (ok == -1) fail911("unable to read password file",errno);
  if (!ok) {
    /* for the operator: a user missing, or an entry nothing can match
       (plain text, a locked one, a line mangled by an editor) */
    if (note) { logcats(" "); logcats(note); }
    /* a wrong password, not a missing one: clients first ask without */
    if (conf.authdelay) {
      if (!datadir_name(&lockfn,conf.data,DATADIR_LOCK)) nomem();
      if (!datadir_name(&authfailfn,conf.data,DATADIR_AUTHFAIL)) nomem();
      /* the whole delay, lock wait and sleep, within both bounds */
      delay = deadline_left();
      if (conf.authdelay < delay) delay = conf.authdelay;
      delay = auth_fail(lockfn.s,authfailfn.s,remoteip,delay);
      if (delay) {
        logcats(" delayed ");
        logcatulong(delay);
        logcats("s");
      }
    }
    badauth();
  }
  /* {SHA} or DES: tell the operator, who can replace the entry */
  if (ok == 2) logcats(" weak-hash");
  authed = 1;
}

/* dyn.com's rule: no User-Agent, no update. ddclient, inadyn and curl
   send one; some embedded clients do not, hence REQUIREAGENT=0. An
   empty one says no more than none. After authentication, so a
   stranger learns nothing and a client with a wrong password still
   hears badauth. */
static void checkagent(void)
{
  if (conf.requireagent && !r.agentlen) answer1(DYN_BADAGENT);
}

/* The host of a request that names none: the user's one host, if the
   password file's domain list names exactly one; else the user name,
   if it is a host name the user may update; else none (notfqdn). */
static void inferhost(void)
{
  static stralloc name;
  int x;

  x = auth_onlyhost(&domains,&param);
  if (x == -1) nomem();
  if (x) return;
  param.len = 0;
  errno = 0;
  if (!dnsname_fqdn(&name,q.user.s,q.user.len)) {
    if (errno == ENOMEM) nomem();
    return;
  }
  if (auth_allows(&domains,name.s,name.len))
    if (!stralloc_copy(&param,&name)) nomem();
}

/* No hostname, an empty one, or hostname=YES (some routers have no
   field for it, or an empty placeholder): inferred (inferhost). */
static void gethosts(void)
{
  unsigned int i;

  if (!getparam(p_hostname) || !param.len || (param.len == 3 && case_equalb(param.s,3,"yes"))) inferhost();
  if (!param.len) answer1(DYN_NOTFQDN);
  if (count() > conf.maxhosts) answer1(DYN_NUMHOST);
  names();
  for (i = 0;i < q.nh;++i)
    if (q.h[i].ok) q.h[i].allowed = auth_allows(&domains,q.h[i].name.s,q.h[i].name.len);
}

/* The ACME DNS-01 extension: txt=V1,V2 adds challenge values to
   _acme-challenge.HOST of each host, action=set replaces the host's
   values with them, action=del removes them; an empty txt, or del
   without txt, removes them all. Such a request changes no address,
   so it names none. 1 if this is one, 0 if not. A bad value or action
   refuses the whole request before the data file is opened. */
static int gettxt(void)
{
  static stralloc action;
  int qa;
  int qt;

  qa = getparam(p_action);
  if (qa && !stralloc_copy(&action,&param)) nomem();
  qt = getparam(p_txt);
  if (!qt && !qa) return 0;
  q.mode = DYN_TXT;
  if (!qa || (action.len == 3 && case_equalb(action.s,3,"add"))) q.txt.action = DYN_TXTADD;
  else if (action.len == 3 && case_equalb(action.s,3,"set")) q.txt.action = DYN_TXTSET;
  else if (action.len == 3 && case_equalb(action.s,3,"del")) q.txt.action = DYN_TXTDEL;
  else answer1(DYN_BADAGENT);
  logcats(q.txt.action == DYN_TXTADD ? " txt:add" : q.txt.action == DYN_TXTSET ? " txt:set" : " txt:del");
  if (!qt) {
    if (q.txt.action != DYN_TXTDEL) answer1(DYN_BADAGENT); /* nothing to add */
    param.len = 0;
  }
  if (!dyn_txtscan(&q.txt,param.s,param.len)) answer1(DYN_BADAGENT);
  /* an empty txt= beside an address, no action: which was meant? */
  if (!q.txt.n && !qa && (getparam(p_myip) || getparam(p_ip4) || getparam(p_ip6) || getparam(p_prefix)))
    answer1(DYN_BADAGENT);
  dyn_txtnames(&q);
  q.txt.lifetime = conf.acmelifetime;
  return 1;
}

/* a's IPv4 part becomes b's */
static void set4(struct dyn_addr *a,const struct dyn_addr *b)
{
  a->has4 = 1;
  byte_copy(a->ip4,4,b->ip4);
  byte_copy(a->text4,b->len4,b->text4);
  a->len4 = b->len4;
}

/* a's IPv6 part becomes b's, address or prefix */
static void set6(struct dyn_addr *a,const struct dyn_addr *b)
{
  a->has6 = 1;
  byte_copy(a->ip6,16,b->ip6);
  a->prefix6 = b->prefix6;
  byte_copy(a->text6,b->len6,b->text6);
  a->len6 = b->len6;
}

/* a bad value: the whole request is refused, the log says which */
static void badvalue(const char *const *names)
{
  logcats(" bad:");
  logcats(names[0]);
  answer1(DYN_BADAGENT);
}

/* the value of a one-family parameter, in b */
static void getfamily(const char *const *names,int six,int prefix,struct dyn_addr *b)
{
  if (!dyn_addr_scan(b,param.s,param.len)) badvalue(names);
  if (six ? b->has4 || !b->has6 : b->has6 || !b->has4) badvalue(names);
  if (!prefix && b->prefix6) badvalue(names); /* only where a prefix is asked for */
}

/* The addresses to set: myip (one IPv4, one IPv6 or both; the IPv6 one
   may be a prefix, 2001:db8:1:2::/64), the client's own address if
   myip is missing or empty; then the IPv4 parameter (myipv4, ipv4, ip)
   adds or replaces the IPv4 one, and the IPv6 parameter (myipv6, ipv6,
   myip6, ip6; an address or a prefix) or the prefix parameter
   (ip6lanprefix, ipv6prefix) the IPv6 one, the prefix parameter
   last: beside an address (myip's or the IPv6 parameter's, as in
   dynv6's template for a FRITZ!Box, whose prefix placeholder is filled
   only when its address placeholder is there too), the prefix is what
   the named hosts get. Empty values count as missing (a router
   without IPv6 sends them). Two prefixes in the IPv6 and the prefix
   parameter name one thing twice: refused. Anything
   that is not an address is refused, whole request, before the data
   file is opened. */
static void getaddr(void)
{
  struct dyn_addr *a = &q.addr;
  struct dyn_addr b;
  int has;

  q.mode = DYN_SET;
  has = getparam(p_myip);
  if (has && !dyn_addr_scan(a,param.s,param.len)) badvalue(p_myip);
  if (!has || (!a->has4 && !a->has6))
    if (!dyn_addr_scan(a,remoteip,str_len(remoteip))) answer1(DYN_BADAGENT);
  if (getvalue(p_ip4)) { getfamily(p_ip4,0,0,&b); set4(a,&b); }
  has = getvalue(p_ip6);
  if (has) { getfamily(p_ip6,1,1,&b); set6(a,&b); }
  if (getvalue(p_prefix)) {
    if (has && a->prefix6) repeated(p_ip6);
    getfamily(p_prefix,1,1,&b);
    if (!b.prefix6) badvalue(p_prefix);
    set6(a,&b);
  }
  if (!a->has4 && !a->has6) answer1(DYN_BADAGENT);
}

/* offline=YES, dyn.com's extension (ddclient and inadyn never send it;
   other values are ignored). A client going offline wants its name not
   to follow it anywhere new, and an operator of a self-hosted zone does
   not want a stale address handed out as fresh. With $OFFLINEIP (one
   IPv4, one IPv6 or both, like myip) every host named is parked there
   and answered like any update; without it nothing is changed and each
   host with lines answers a plain nochg. */
static void getoffline(void)
{
  if (!getparam(p_offline) || param.len != 3 || !case_equalb(param.s,3,"yes")) return;
  if (conf.badoffline) fail911(conf.badoffline,0);
  if (conf.hasoffline) q.addr = conf.offline;
  else q.mode = DYN_KEEP;
}

/* what the request asks: ACME values, or addresses; a key for ACME
   challenges only (AUTH_ACME) asks for no address: badauth, not
   counted as a failed login (the password was right) */
static void getchange(void)
{
  q.now = (unsigned long) time(0);
  if (gettxt()) return;
  if (authflags & AUTH_ACME) { logcats(" acme-only"); badauth(); }
  getaddr();
  getoffline();
}

/* the body and the log: one line per host, in the order asked */
static void results(void)
{
  const struct dyn_addr *a = &q.addr;
  const struct dyn_result *x;
  unsigned int i;
  const char *sep;
  const char *word;

  if (api) {
    /* one host: its answer in the API's words */
    apianswer(q.h[0].r.code);
    logcats(" ");
    logcatulong(status);
  }
  else if (!stralloc_copys(&body,"")) nomem();
  for (i = 0;i < q.nh;++i) {
    x = &q.h[i].r;
    word = dyn_code_word(x->code);
    if (!api && !stralloc_cats(&body,word)) nomem();
    logcats(" ");
    logsafe(q.h[i].name.s,q.h[i].name.len);
    logcats("=");
    logcats(word);
    if (dyn_why_word(x->why)) { logcats(" "); logcats(dyn_why_word(x->why)); }
    if (api) continue;
    if (dyn_code_served(x->code) && q.mode == DYN_SET) {
      /* the addresses the host now has: a family without lines is not
         echoed. ddclient and inadyn look only at the code before. */
      sep = " ";
      if (x->has4) {
        if (!stralloc_cats(&body,sep) || !stralloc_catb(&body,a->text4,a->len4)) nomem();
        logcats(":");
        if (!stralloc_catb(&logline,a->text4,a->len4)) nomem();
        sep = ",";
      }
      if (x->has6) {
        if (!stralloc_cats(&body,sep) || !stralloc_catb(&body,a->text6,a->len6)) nomem();
        logcats(x->has4 ? "," : ":");
        if (!stralloc_catb(&logline,a->text6,a->len6)) nomem();
      }
    }
    if (!stralloc_cats(&body,"\n")) nomem();
  }
}

/* every host whose answer promised it served now gets code instead */
static void unserved(int code)
{
  unsigned int i;
  for (i = 0;i < q.nh;++i)
    if (dyn_code_served(q.h[i].r.code)) q.h[i].r.code = code;
}

static int served(void)
{
  unsigned int i;
  for (i = 0;i < q.nh;++i) if (dyn_code_served(q.h[i].r.code)) return 1;
  return 0;
}

/* A waiting change read back by this handler as leader: its hosts are
   its user's only if the password file says so now (dyn_opts). The
   last user's list is kept: a burst is often one user's. */
static int recheck(struct dyn_req *w)
{
  static stralloc last;
  static stralloc doms;
  static int found;
  static int fl;
  unsigned int i;

  if (!last.s || last.len != w->user.len || !byte_equal(last.s,last.len,w->user.s)) {
    found = auth_domains(conf.passwd,w->user.s,w->user.len,&doms,&fl);
    if (found == -1) { last.len = 0; return -1; }
    if (!stralloc_copy(&last,&w->user)) { last.len = 0; errno = ENOMEM; return -1; }
  }
  /* a key for challenges changes no address */
  if ((fl & AUTH_ACME) && w->mode != DYN_TXT) found = 0;
  for (i = 0;i < w->nh;++i)
    w->h[i].allowed = found && w->h[i].ok && auth_allows(&doms,w->h[i].name.s,w->h[i].name.len);
  return 0;
}

/* The data file, edited; then, since good and nochg both promise the
   address is served, a make that has seen it, unless one already has. */
static void update(void)
{
  struct dyn_opts o;
  struct dyn_done d;
  struct dyn_pub p;
  const char *reason;
  unsigned int i;
  int changed;
  int pub;

  deadline_set(conf.timeout); /* for the locks and the make we may wait for */
  o.data = conf.data;
  o.wait = deadline_left();
  o.alone = !conf.groupcommit;
  o.limits = conf.limits;
  o.recheck = recheck;
  changed = dyn_update(&q,&o,&d,&reason);
  if (changed == -1) {
    if (errno == ENOMEM) nomem();
    for (i = 0;i < q.nh;++i) q.h[i].r.code = q.h[i].ok ? DYN_911 : DYN_NOTFQDN;
    results();
    finish(111,0,reason,errno);
  }
  if (!served() || (!changed && dyn_published(&d.state,d.state.written))) return;
  p.data = conf.data;
  p.gen = d.state.written;
  p.always = changed && !conf.groupcommit;
  p.wait = deadline_left();
  p.limit = conf.maketimeout;
  p.sync = changed;
  p.fdold = d.fdold;
  pub = dyn_publish(&p,&reason);
  if (!pub) return;
  unserved(pub == 1 ? DYN_DNSERR : DYN_911);
  results();
  if (pub == -1) finish(111,0,reason,errno);
  logcats("; make failed: ");
  if (WIFEXITED(p.wstat)) { logcats("exit "); logcatulong(WEXITSTATUS(p.wstat)); }
  else { logcats("signal "); logcatulong(WTERMSIG(p.wstat)); }
  finish(111,0,0,0);
}

/* The ACME challenge APIs: one value for one host, as txt= asks it
   (scoped to the user's hosts, MAXPERHOUR, at most DYN_TXTMAX values,
   answered only once served). acme-dns's POST /update,
   {"subdomain": HOST, "txt": VALUE}: the subdomain is the host name,
   whose challenge name is _acme-challenge.HOST (so no CNAME is needed);
   the value is 43 base64url characters (a DNS-01 digest), and it stays
   with the host's newest other one (DYN_TXTROLL: a name and its
   wildcard); older ones go. lego's httpreq, POST /present and
   /cleanup, {"fqdn": "_acme-challenge.HOST.", "value": VALUE}: the
   value added or removed. Key names without case (json_get); a body
   that is not such an object: acme-dns's forbidden, httpreq's 400. */
static void acme(void)
{
  static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  struct json_member m[JSON_MEMBERS];
  struct dyn_host *h;
  const char *name = 0; /* set, or the request is answered (finish) */
  const char *val = 0;
  unsigned int namelen = 0;
  unsigned int vallen = 0;
  unsigned int n;
  unsigned int i;

  logcats(api == API_ACMEDNS ? " acme-dns" : api == API_PRESENT ? " httpreq:present" : " httpreq:cleanup");
  if (!r.hasbody || !json_object(r.body,r.bodylen,m,&n)
      || !json_get(m,n,api == API_ACMEDNS ? "subdomain" : "fqdn",&name,&namelen)
      || !json_get(m,n,api == API_ACMEDNS ? "txt" : "value",&val,&vallen)) {
    logcats(" bad-json");
    if (api == API_ACMEDNS) answer1(DYN_BADAUTH);
    status = 400;
    if (!stralloc_copys(&body,"bad request\n")) nomem();
    logcats(" 400");
    finish(0,0,0,0);
  }
  if (api != API_ACMEDNS) {
    /* _acme-challenge.HOST. names the host */
    if (namelen < DYN_ACMELEN || !case_equalb(name,DYN_ACMELEN,DYN_ACME)) answer1(DYN_NOTFQDN);
    name += DYN_ACMELEN;
    namelen -= DYN_ACMELEN;
  }
  if (!dyn_req_hosts(&q,1)) nomem();
  h = q.h;
  errno = 0;
  h->ok = dnsname_fqdn(&h->name,name,namelen);
  if (!h->ok && errno == ENOMEM) nomem();
  if (!h->ok && !stralloc_copyb(&h->name,name,namelen)) nomem();
  if (h->ok) h->allowed = auth_allows(&domains,h->name.s,h->name.len);
  q.mode = DYN_TXT;
  q.now = (unsigned long) time(0);
  dyn_txtnames(&q);
  if (!h->ok) answer1(DYN_NOTFQDN);
  if (!stralloc_copyb(&apivalue,val,vallen)) nomem();
  if (api == API_ACMEDNS) {
    for (i = 0;i < vallen;++i) if (byte_chr(b64url,64,val[i]) == 64) break;
    if (vallen != 43 || i < vallen) answer1(DYN_BADAGENT);
  }
  /* one value, by txt='s rules */
  if (!dyn_txtscan(&q.txt,val,vallen) || q.txt.n != 1) answer1(DYN_BADAGENT);
  q.txt.action = api == API_ACMEDNS ? DYN_TXTROLL : api == API_PRESENT ? DYN_TXTADD : DYN_TXTDEL;
  q.txt.lifetime = conf.acmelifetime;
  update();
  results();
  finish(0,0,0,0);
}

int main(void)
{
  if (fd_std() == -1) _exit(111); /* nowhere to say so */
  signal(SIGPIPE,SIG_IGN);
  /* a file over the size limit (ulimit -f): a write fails with EFBIG,
     answered 911 and logged, instead of a silent death */
  signal(SIGXFSZ,SIG_IGN);
  configure();
  deadline_set(conf.timeout);
  getproxy();
  logsafe(remoteip,str_len(remoteip));
  readrequest();
  if (conf.bad) { logcats(" -"); fail911(conf.bad,conf.baderrno); }
  authenticate();
  if (api) acme();
  logcats(" 200");
  checkagent();
  gethosts();
  getchange();
  update();
  results();
  finish(0,0,0,0);
  return 0;
}
