#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
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
#include "dnsname.h"
#include "dyn.h"
#include "logline.h"
#include "proxy.h"

#define FATAL "tinydnsdyn: fatal: "
#define TIMEOUT_DEFAULT 60

static char req[HTTP_REQMAX];
static struct http_request r;
static const char *remoteip;
static unsigned long timeout = TIMEOUT_DEFAULT;
static int status = 200;

static stralloc logline; /* the one line for fd 2, built as we go */
static stralloc body;
static stralloc user;
static stralloc pass;
static stralloc domains;
static stralloc hostparam;
static stralloc myip;
static stralloc txtparam;
static struct dyn_host hosts[DYN_HOSTMAX];
static unsigned int nhosts;
static struct dyn_addr addr;
static const char *root;
static const char *data;
static unsigned long authdelay = 10;
static unsigned long acmelifetime = 3600;
static unsigned long maketimeout;
static stralloc lockfn;
static stralloc ratefn;

static void nomem(void)
{
  strerr_die(111,FATAL,"out of memory",0,0,0);
}

static void logcats(const char *s)
{
  if (!stralloc_cats(&logline,s)) nomem();
}

static void logsafe(const char *s,unsigned int len)
{
  if (!logline_safe(&logline,s,len)) nomem();
}

static void bodycats(const char *s)
{
  if (!stralloc_cats(&body,s)) nomem();
}

/* answer the client, write the log line, exit */
static void finish(int code,const char *extra,const char *why,int e)
{
  deadline_set(timeout);
  if (http_respond(1,status,extra,body.s,body.len,r.head) == -1) {
    logcats(" (answer not delivered: ");
    logcats(strerr_sys(errno));
    logcats(")");
  }
  if (!stralloc_0(&logline)) nomem();
  if (why) {
    /* one line still: what went wrong first, then the request */
    if (!stralloc_copys(&body,why)) nomem();
    if (e && (!stralloc_cats(&body,": ") || !stralloc_cats(&body,strerr_sys(e)))) nomem();
    if (!stralloc_0(&body)) nomem();
    strerr_warn(FATAL,body.s,"; ",logline.s,0);
  }
  else strerr_warn("tinydnsdyn: ",logline.s,0,0,0);
  _exit(code);
}

/* answer with an HTTP status other than 200 and a one-line body */
static void refuse(int st,const char *text,const char *extra)
{
  status = st;
  if (!stralloc_copys(&body,text) || !stralloc_cats(&body,"\n")) nomem();
  logcats(" ");
  if (!stralloc_catulong(&logline,st)) nomem();
  logcats(" ");
  logcats(text);
  finish(0,extra,0,0);
}

/* 200 with a single code for the whole request */
static void answer1(const char *code)
{
  if (!stralloc_copys(&body,code) || !stralloc_cats(&body,"\n")) nomem();
  logcats(" ");
  logcats(code);
  finish(0,0,0,0);
}

/* a temporary server-side failure: 911 to the client, 111 */
static void fail911(const char *why,int e)
{
  if (!stralloc_copys(&body,"911\n")) nomem();
  logcats(" 911");
  finish(111,0,why,e);
}

/* hostname=a&hostname=b: which one was meant? */
static void repeated(void)
{
  logcats(" repeated-parameter");
  answer1("badagent");
}

static void badauth(void)
{
  refuse(401,"badauth","WWW-Authenticate: Basic realm=\"tinydnsdyn\"\r\n");
}

/* a numeric setting from the environment: 1 if unset or valid */
static int envnum(const char *name,unsigned long *u,unsigned long max)
{
  const char *x = getenv(name);
  unsigned long v;

  if (!x) return 1;
  if (!*x || x[scan_ulong(x,&v)] || v > max) return 0;
  *u = v;
  return 1;
}

static int pathok(void)
{
  if (r.pathlen == 1 && r.path[0] == '/') return 1;
  if (r.pathlen == 11 && byte_equal(r.path,11,"/nic/update")) return 1;
  if (r.pathlen == 10 && byte_equal(r.path,10,"/v3/update")) return 1;
  return 0;
}

static void closed(void)
{
  logcats(" - closed before a request");
  if (errno) { logcats(": "); logcats(strerr_sys(errno)); }
  if (!stralloc_0(&logline)) nomem();
  strerr_warn("tinydnsdyn: ",logline.s,0,0,0);
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

static void readrequest(void)
{
  unsigned int len;
  int st;

  st = http_getrequest(0,req,&len);
  if (st == -1) closed();
  if (len >= 6 && byte_equal(req,6,"PROXY ")) {
    /* no $PROXY here, or a second line after the front's */
    logcats(" - unexpected-proxy-line");
    refuse(400,http_reason(400),0);
  }
  if (st) {
    logcats(" -");
    refuse(st,http_reason(st),0);
  }
  st = http_parse(req,len,&r);
  if (st) {
    logcats(" -");
    refuse(st,http_reason(st),st == 405 ? "Allow: GET, HEAD\r\n" : 0);
  }
  if (!pathok()) {
    logcats(" - ");
    logsafe(r.path,r.pathlen);
    refuse(404,"Not Found",0);
  }
}

static void authenticate(const char *passwd)
{
  int ok;
  unsigned int delay;

  if (!r.hasauth || !auth_basic(r.auth,r.authlen,&user,&pass)) {
    logcats(" -");
    badauth();
  }
  logcats(" ");
  logsafe(user.s,user.len);
  if (!passwd) fail911("$PASSWD not set",0);
  ok = auth_check(passwd,user.s,user.len,pass.s,pass.len,&domains);
  byte_zero(pass.s,pass.len);
  if (ok == -1 && errno == ENOMEM) fail911("unable to check password: out of memory",0);
  if (ok == -1) fail911("unable to read password file",errno);
  if (!ok) {
    /* a wrong password, not a missing one: clients first ask without */
    if (root && !stralloc_copys(&lockfn,root)) nomem();
    if (root && authdelay) {
      if (!stralloc_cats(&lockfn,"/") || !stralloc_cats(&lockfn,data)) nomem();
      if (!stralloc_copy(&ratefn,&lockfn) || !stralloc_cats(&ratefn,".authfail") || !stralloc_0(&ratefn)) nomem();
      if (!stralloc_cats(&lockfn,".lock") || !stralloc_0(&lockfn)) nomem();
      delay = auth_fail(lockfn.s,ratefn.s,remoteip,authdelay < deadline_left() ? authdelay : deadline_left());
      if (delay) {
        logcats(" delayed ");
        if (!stralloc_catulong(&logline,delay)) nomem();
        logcats("s");
      }
    }
    badauth();
  }
  /* {SHA} or DES: tell the operator, who can replace the entry */
  if (ok == 2) logcats(" weak-hash");
}

static void gethosts(void)
{
  unsigned int i;
  unsigned int j;
  unsigned int n;
  int q;

  q = http_query(r.query,r.querylen,"hostname",&hostparam);
  if (q == -1) nomem();
  if (q == 2) repeated();
  if (!q || !hostparam.len) answer1("notfqdn");
  n = 1;
  for (i = 0;i < hostparam.len;++i) if (hostparam.s[i] == ',') ++n;
  if (n > DYN_HOSTMAX) answer1("numhost");
  nhosts = 0;
  for (i = 0;i <= hostparam.len;i = j + 1) {
    j = i + byte_chr(hostparam.s + i,hostparam.len - i,',');
    errno = 0; /* dnsname_fqdn sets it only when out of memory */
    hosts[nhosts].ok = dnsname_fqdn(&hosts[nhosts].name,hostparam.s + i,j - i);
    if (!hosts[nhosts].ok && errno == ENOMEM) nomem();
    if (!hosts[nhosts].ok) {
      /* keep the raw name for the log only */
      if (!stralloc_copyb(&hosts[nhosts].name,hostparam.s + i,j - i)) nomem();
    }
    else hosts[nhosts].allowed = auth_allows(&domains,hosts[nhosts].name.s,hosts[nhosts].name.len);
    ++nhosts;
  }
}

/* The addresses to set: myip (one IPv4, one IPv6 or both), the client's
   own address if myip is missing or empty, and myipv6 adding or
   replacing the IPv6 one. Anything that is not an address is refused,
   whole request, before the data file is opened. */
static void getaddr(void)
{
  struct dyn_addr a6;
  int q;

  q = http_query(r.query,r.querylen,"myip",&myip);
  if (q == -1) nomem();
  if (q == 2) repeated();
  if (q && !dyn_addr_scan(&addr,myip.s,myip.len)) answer1("badagent");
  if (!q || (!addr.has4 && !addr.has6))
    if (!dyn_addr_scan(&addr,remoteip,str_len(remoteip))) answer1("badagent");
  q = http_query(r.query,r.querylen,"myipv6",&myip);
  if (q == -1) nomem();
  if (q == 2) repeated();
  if (q && myip.len) {
    if (!dyn_addr_scan(&a6,myip.s,myip.len) || a6.has4 || !a6.has6) answer1("badagent");
    addr.has6 = 1;
    byte_copy(addr.ip6,16,a6.ip6);
    byte_copy(addr.text6,a6.len6,a6.text6);
    addr.len6 = a6.len6;
  }
  if (!addr.has4 && !addr.has6) answer1("badagent");
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
  const char *x;
  int q;

  q = http_query(r.query,r.querylen,"offline",&myip);
  if (q == -1) nomem();
  if (q == 2) repeated();
  if (!q || myip.len != 3 || !case_equalb(myip.s,3,"yes")) return;
  x = getenv("OFFLINEIP");
  if (!x || !*x) {
    addr.has4 = addr.has6 = 1; /* any line of the host keeps it there */
    addr.keep = 1;
    return;
  }
  if (!dyn_addr_scan(&addr,x,str_len(x)) || (!addr.has4 && !addr.has6))
    fail911("$OFFLINEIP must be an IPv4 and/or an IPv6 address",0);
}

/* The ACME DNS-01 extension: txt=V1,V2 adds challenge values to
   _acme-challenge.HOST of each host, action=set replaces the host's
   values with them, action=del removes them; an empty txt, or del
   without txt, removes them all. Such a request changes no address.
   1 if this is one (dyn_txt filled), 0 if not. A bad value or action
   refuses the whole request before the data file is opened. */
static int gettxt(void)
{
  unsigned int i;
  int qa;
  int qt;

  qt = http_query(r.query,r.querylen,"txt",&txtparam);
  if (qt == -1) nomem();
  if (qt == 2) repeated();
  qa = http_query(r.query,r.querylen,"action",&myip);
  if (qa == -1) nomem();
  if (qa == 2) repeated();
  if (!qt && !qa) return 0;
  if (!qa || (myip.len == 3 && case_equalb(myip.s,3,"add"))) dyn_txt.action = DYN_TXTADD;
  else if (myip.len == 3 && case_equalb(myip.s,3,"set")) dyn_txt.action = DYN_TXTSET;
  else if (myip.len == 3 && case_equalb(myip.s,3,"del")) dyn_txt.action = DYN_TXTDEL;
  else answer1("badagent");
  logcats(dyn_txt.action == DYN_TXTADD ? " txt:add" : dyn_txt.action == DYN_TXTSET ? " txt:set" : " txt:del");
  if (!qt) {
    if (dyn_txt.action != DYN_TXTDEL) answer1("badagent"); /* nothing to add */
    txtparam.len = 0;
  }
  if (!dyn_txtscan(&dyn_txt,txtparam.s,txtparam.len)) answer1("badagent");
  /* tinydns-data refuses a name over 253 bytes */
  for (i = 0;i < nhosts;++i)
    if (hosts[i].ok && hosts[i].name.len > DYN_TXTNAMEMAX) hosts[i].ok = 0;
  dyn_txt.lifetime = acmelifetime;
  addr.has4 = addr.has6 = 1; /* any address line of the host counts */
  addr.keep = 1;
  return 1;
}

static int answered(int res)
{
  unsigned int i;
  for (i = 0;i < nhosts;++i) if (hosts[i].result == res) return 1;
  return 0;
}

static const char *const code[] = {
  "", "notfqdn", "nohost", "nochg", "good", "dnserr", "911", "abuse"
};

static void results(void)
{
  unsigned int i;
  int res;
  const char *sep;

  if (!stralloc_copys(&body,"")) nomem();
  for (i = 0;i < nhosts;++i) {
    res = hosts[i].result;
    bodycats(code[res]);
    logcats(" ");
    logsafe(hosts[i].name.s,hosts[i].name.len);
    logcats("=");
    logcats(code[res]);
    if ((res == DYN_GOOD || res == DYN_NOCHG) && !addr.keep) {
      /* the addresses the host now has: a family without lines is not
         echoed. ddclient and inadyn look only at the code before. */
      sep = " ";
      if (hosts[i].lines4) {
        if (!stralloc_cats(&body,sep) || !stralloc_catb(&body,addr.text4,addr.len4)) nomem();
        logcats(":");
        if (!stralloc_catb(&logline,addr.text4,addr.len4)) nomem();
        sep = ",";
      }
      if (hosts[i].lines6) {
        if (!stralloc_cats(&body,sep) || !stralloc_catb(&body,addr.text6,addr.len6)) nomem();
        logcats(hosts[i].lines4 ? "," : ":");
        if (!stralloc_catb(&logline,addr.text6,addr.len6)) nomem();
      }
    }
    bodycats("\n");
  }
}

int main(void)
{
  const char *passwd;
  const char *x;
  unsigned long u;
  unsigned int i;
  int changed;
  int pub;
  int wstat;
  int groupcommit = 1;
  struct dyn_state st;
  int badtimeout = 0;
  const char *badsetting = 0;

  signal(SIGPIPE,SIG_IGN);
  remoteip = getenv("TCPREMOTEIP");
  if (!remoteip) remoteip = "0.0.0.0";
  x = getenv("TIMEOUT");
  if (x) {
    if (x[scan_ulong(x,&u)] == 0 && u > 0 && u <= 86400) timeout = u;
    else badtimeout = 1;
  }
  root = getenv("ROOT");
  passwd = getenv("PASSWD");
  data = getenv("DATA");
  if (!data || !*data) data = "data.dyn";
  x = getenv("GROUPCOMMIT");
  if (x && str_equal(x,"0")) groupcommit = 0;
  dyn_limits.perhour = 60;
  if (!envnum("MAXPERHOUR",&dyn_limits.perhour,1000000)) badsetting = "$MAXPERHOUR";
  if (!envnum("MININTERVAL",&dyn_limits.mininterval,86400)) badsetting = "$MININTERVAL";
  if (!envnum("AUTHDELAYMAX",&authdelay,60)) badsetting = "$AUTHDELAYMAX";
  if (!envnum("ACMELIFETIME",&acmelifetime,604800) || !acmelifetime) badsetting = "$ACMELIFETIME";
  maketimeout = 5 * timeout;
  if (!envnum("MAKETIMEOUT",&maketimeout,604800) || !maketimeout) badsetting = "$MAKETIMEOUT";

  deadline_set(timeout);
  getproxy();
  logsafe(remoteip,str_len(remoteip));
  readrequest();
  if (badtimeout) {
    logcats(" -");
    fail911("$TIMEOUT must be a number of seconds from 1 to 86400",0);
  }
  if (badsetting) {
    logcats(" -");
    if (!stralloc_copys(&ratefn,badsetting) || !stralloc_cats(&ratefn," is not a number in its range") || !stralloc_0(&ratefn)) nomem();
    fail911(ratefn.s,0);
  }
  x = getenv("ALLOWROOT");
  if (!getuid() && (!x || !*x)) {
    logcats(" -");
    fail911("refusing to run as root: use tcpserver -U with envuidgid, or set $ALLOWROOT",0);
  }
  authenticate(passwd);
  if (!root) fail911("$ROOT not set",0);
  if (byte_chr(data,str_len(data),'/') < str_len(data)) fail911("$DATA must be a file name in $ROOT",0);
  if (chdir(root) == -1) fail911("unable to chdir to $ROOT",errno);

  logcats(" 200");
  /* dyn.com's rule: no User-Agent, no update. ddclient, inadyn and
     curl send one; some embedded clients do not, hence REQUIREAGENT=0.
     An empty one says no more than none. After authentication, so a
     stranger learns nothing and a client with a wrong password still
     hears badauth. */
  x = getenv("REQUIREAGENT");
  if ((!x || !str_equal(x,"0")) && !r.agentlen) answer1("badagent");
  gethosts();
  if (!gettxt()) {
    getaddr();
    getoffline();
  }

  deadline_set(timeout); /* for the locks and the make we may wait for */
  changed = dyn_update(data,hosts,nhosts,&addr,deadline_left(),&st);
  if (changed == -1) {
    for (i = 0;i < nhosts;++i) hosts[i].result = hosts[i].ok ? DYN_911 : DYN_NOTFQDN;
    results();
    finish(111,0,dyn_why,errno);
  }
  dyn_results(hosts,nhosts);
  /* good and nochg both promise the address is served: wait for a
     make that has seen it, unless one has already */
  if (answered(DYN_GOOD) || answered(DYN_NOCHG))
    if (changed || st.built < st.written) {
      pub = dyn_publish(data,st.written,changed && !groupcommit,maketimeout,&wstat);
      if (pub) {
        for (i = 0;i < nhosts;++i)
          if (hosts[i].result == DYN_GOOD || hosts[i].result == DYN_NOCHG)
            hosts[i].result = pub == 1 ? DYN_DNSERR : DYN_911;
        results();
        if (pub == -1) finish(111,0,dyn_why,errno);
        if (!stralloc_cats(&logline,"; make failed: ")) nomem();
        if (WIFEXITED(wstat)) {
          logcats("exit ");
          if (!stralloc_catulong(&logline,WEXITSTATUS(wstat))) nomem();
        }
        else {
          logcats("signal ");
          if (!stralloc_catulong(&logline,WTERMSIG(wstat))) nomem();
        }
        finish(111,0,0,0);
      }
    }
  results();
  finish(0,0,0,0);
  return 0;
}
