/* libFuzzer harness: one request head as a client may send it, through
   the same steps as tinydnsdyn: http_gethead's framing (from a
   pipe), http_parse, then the query's hostname and myip, the Basic
   credentials and the logged path. Checks what each step promises. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "byte.h"
#include "str.h"
#include "strerr.h"
#include "stralloc.h"
#include "deadline.h"
#include "http.h"
#include "auth.h"
#include "ip4.h"
#include "dnsname.h"
#include "logline.h"

static char buf[HTTP_REQMAX];
static struct http_request r;
static stralloc param;
static stralloc name;
static stralloc user;
static stralloc pass;
static stralloc logged;

static void fail(const char *why)
{
  strerr_warn("fuzz-http: ",why,0,0,0);
  abort();
}

static int inside(const char *p,unsigned int len)
{
  return p >= buf && p <= buf + HTTP_REQMAX && len <= (unsigned int) (buf + HTTP_REQMAX - p);
}

/* what the request line lets through: no control bytes, no space */
static void printable(const char *p,unsigned int len,const char *what)
{
  unsigned int i;
  for (i = 0;i < len;++i)
    if ((unsigned char) p[i] <= 32 || p[i] == 127) fail(what);
}

static void hosts(void)
{
  unsigned int i;
  unsigned int j;
  int q;

  static const char *const names[] = { "hostname", 0 };

  q = http_param(r.query,r.querylen,names,&param);
  if (q == -1) fail("out of memory");
  if (q != 1) return;
  for (i = 0;i <= param.len;i = j + 1) {
    j = i + byte_chr(param.s + i,param.len - i,',');
    if (dnsname_fqdn(&name,param.s + i,j - i)) {
      if (name.len > DNSNAME_MAX) fail("host name too long");
      if (byte_chr(name.s,name.len,':') < name.len) fail("colon in a host name");
      if (byte_chr(name.s,name.len,'\n') < name.len) fail("newline in a host name");
    }
  }
}

static void myip(void)
{
  char ip[4];
  char text[IP4_FMT];
  int q;

  static const char *const names[] = { "myip", 0 };

  q = http_param(r.query,r.querylen,names,&param);
  if (q == -1) fail("out of memory");
  if (q != 1 || !ip4_scan(param.s,param.len,ip)) return;
  if (ip4_fmt(text,ip) != param.len || !byte_equal(text,param.len,param.s))
    fail("myip accepted in a spelling that is not canonical");
}

static void credentials(void)
{
  if (!r.hasauth) return;
  if (!inside(r.auth,r.authlen)) fail("auth outside the buffer");
  if (!auth_basic(r.auth,r.authlen,&user,&pass)) return;
  if (!user.len || user.len > AUTH_USERMAX) fail("user name length out of range");
  if (byte_chr(user.s,user.len,':') < user.len) fail("colon in the user name");
  if (byte_chr(user.s,user.len,'\n') < user.len) fail("newline in the user name");
}

static void logpath(void)
{
  unsigned int i;

  if (!stralloc_copys(&logged,"")) fail("out of memory");
  if (!logline_safe(&logged,r.path,r.pathlen)) fail("out of memory");
  if (!logline_safe(&logged,user.s,user.len)) fail("out of memory");
  for (i = 0;i < logged.len;++i)
    if ((unsigned char) logged.s[i] <= 32 || (unsigned char) logged.s[i] >= 127) fail("unsafe byte in the log line");
}

/* end of the first blank line in s[0..len), or 0 */
static unsigned int blank(const char *s,unsigned int len)
{
  unsigned int i;

  for (i = 1;i < len;++i) {
    if (s[i] != '\n') continue;
    if (s[i - 1] == '\n') return i + 1;
    if (i >= 2 && s[i - 1] == '\r' && s[i - 2] == '\n') return i + 1;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  int pi[2];
  unsigned int len;
  unsigned int got;
  unsigned int want;
  int st;

  if (size > 60000) return 0; /* all of it fits in the pipe */
  if (pipe(pi) == -1) fail("pipe");
  if (size && write(pi[1],data,size) != (ssize_t) size) fail("write to pipe");
  close(pi[1]);
  deadline_set(10);
  st = http_gethead(pi[0],buf,&len,&got);

  if (st != 0 && st != -1 && st != 400 && st != 414 && st != 431) fail("http_gethead: unexpected status");
  if (st == -1 && size) fail("http_gethead: data taken for a closed connection");
  if (st) { close(pi[0]); return 0; }
  if (!len || len > HTTP_REQMAX || len > size) fail("http_gethead: bad length");
  if (got < len || got > size || got > HTTP_REQMAX || !byte_equal(buf,got,(const char *) data))
    fail("http_gethead: bytes read differ from the input");
  if (!byte_equal(buf,len,(const char *) data)) fail("http_gethead: bytes changed");
  if (blank(buf,len) != len) fail("http_gethead: head does not end at the first blank line");

  byte_zero((char *) &r,sizeof r);
  st = http_parse(buf,len,&r);
  if (st != 0 && st != 400 && st != 405 && st != 411 && st != 413 && st != 501 && st != 505)
    fail("http_parse: unexpected status");
  if (!st && r.hasbody) {
    /* the body: all of it that the input has, or 400 cut short */
    want = len + r.bodylen;
    st = http_getbody(pi[0],buf,got,want);
    if (want <= size ? st != 0 : st != 400) fail("http_getbody: wrong status");
    if (!st && !byte_equal(buf,want,(const char *) data)) fail("http_getbody: bytes changed");
  }
  close(pi[0]);
  if (st) return 0;

  if (!inside(r.method,r.methodlen)) fail("method outside the buffer");
  /* "GET http://host HTTP/1.0" has the path "/" from a constant */
  if (!inside(r.path,r.pathlen) && !(r.pathlen == 1 && r.path[0] == '/' && !r.querylen))
    fail("path outside the buffer");
  if (r.querylen && !inside(r.query,r.querylen)) fail("query outside the buffer");
  if (!(r.methodlen == 3 && byte_equal(r.method,3,"GET")) && !(r.methodlen == 4 && byte_equal(r.method,4,"HEAD"))
      && !(r.methodlen == 4 && byte_equal(r.method,4,"POST")) && !(r.methodlen == 3 && byte_equal(r.method,3,"PUT")))
    fail("accepted a method other than GET, HEAD, POST and PUT");
  if (r.hasbody != (r.method[0] == 'P')) fail("body flag wrong");
  if (r.hasbody && r.bodylen > HTTP_REQMAX - len) fail("body does not fit after the head");
  if (r.head != (r.methodlen == 4 && r.method[0] == 'H')) fail("head flag wrong");
  if (r.minor < 0 || r.minor > 9) fail("minor version out of range");
  if (!r.pathlen || r.path[0] != '/') fail("path does not start with /");
  printable(r.path,r.pathlen,"control byte or space in the path");
  printable(r.query,r.querylen,"control byte or space in the query");
  if (byte_chr(r.path,r.pathlen,'?') < r.pathlen) fail("? in the path");
  if (byte_chr(r.path,r.pathlen,'#') < r.pathlen) fail("# in the path");
  if (r.hasagent && !inside(r.agent,r.agentlen)) fail("user agent outside the buffer");

  hosts();
  myip();
  user.len = 0;
  credentials();
  logpath();
  return 0;
}
