#include "byte.h"
#include "case.h"
#include "str.h"
#include "http.h"

static int istoken(char c)
{
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= 'a' && c <= 'z') return 1;
  if (c >= '0' && c <= '9') return 1;
  return c && byte_chr("!#$%&'*+-.^_`|~",15,c) < 15;
}

static int is(const char *s,unsigned int len,const char *t)
{
  return len == str_len(t) && byte_equal(s,len,t);
}

/* methods HTTP knows that are not for us: 405, not 501 */
static const char *const other[] = {
  "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", 0
};

/* the Content-Length value v[0..vlen): 1 and *u, or 0 if it is no
   number; a number past HTTP_REQMAX counts as HTTP_REQMAX + 1 */
static int length(const char *v,unsigned int vlen,unsigned long *u)
{
  unsigned int i;

  if (!vlen) return 0;
  *u = 0;
  for (i = 0;i < vlen;++i) {
    if (v[i] < '0' || v[i] > '9') return 0;
    if (*u <= HTTP_REQMAX) *u = *u * 10 + (v[i] - '0');
  }
  if (*u > HTTP_REQMAX) *u = HTTP_REQMAX + 1;
  return 1;
}

/* the Content-Type of a form, with parameters (charset) or not */
static int isform(const char *v,unsigned int vlen)
{
  unsigned int n = byte_chr(v,vlen,';');
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) --n;
  return n == 33 && case_equalb(v,33,"application/x-www-form-urlencoded");
}

/* Parses the request head buf[0..len) (as http_gethead left it).
   Returns 0 and fills r, or an HTTP status: 400 malformed, 405/501
   method, 505 version; for POST and PUT, whose parameters may also
   come in a form body, 400 a Content-Length that is no number or two
   that differ (GET and HEAD ignore it), 411 a chunked body (no
   Content-Length, nor Transfer-Encoding, is no body), 413 a body that
   does not fit into HTTP_REQMAX with the head; r->form says whether
   the body is a form (application/x-www-form-urlencoded, or no type:
   which types a path takes is the caller's to say). r's pointers point
   into buf; for a body, r->hasbody and r->bodylen are set, r->body is
   not. */
int http_parse(char *buf,unsigned int len,struct http_request *r)
{
  unsigned int i;
  unsigned int eol;
  unsigned int end;
  unsigned int sp;
  unsigned int n;
  const char *s;
  unsigned int slen;
  const char *v;
  unsigned int vlen;
  unsigned long clen = 0;
  unsigned long u;
  int hasclen = 0;
  int badclen = 0;
  int chunked = 0;
  int form = 0;
  int hastype = 0;

  byte_zero((char *) r,sizeof *r);
  if (!len) return 400;

  /* request line */
  eol = byte_chr(buf,len,'\n');
  if (eol == len) return 400;
  end = eol;
  if (end && buf[end - 1] == '\r') --end;
  for (i = 0;i < end;++i)
    if ((unsigned char) buf[i] < 32 || buf[i] == 127) return 400;
  sp = byte_chr(buf,end,' ');
  if (!sp || sp == end) return 400;
  for (i = 0;i < sp;++i) if (!istoken(buf[i])) return 400;
  r->method = buf; r->methodlen = sp;
  s = buf + sp + 1; slen = end - sp - 1;
  n = byte_chr(s,slen,' ');
  if (!n || n == slen) return 400;
  v = s + n + 1; vlen = slen - n - 1;
  if (vlen != 8 || !byte_equal(v,5,"HTTP/") || v[6] != '.'
      || v[5] < '0' || v[5] > '9' || v[7] < '0' || v[7] > '9') return 400;
  if (v[5] != '1') return 505;
  r->minor = v[7] - '0';
  slen = n;

  /* absolute form: http://authority/path?query */
  if (slen >= 7 && case_equalb(s,7,"http://")) { s += 7; slen -= 7; }
  else if (slen >= 8 && case_equalb(s,8,"https://")) { s += 8; slen -= 8; }
  else if (s[0] != '/') return 400;
  if (s[0] != '/') {
    n = byte_chr(s,slen,'/');
    if (n == slen) { s = "/"; slen = 1; }
    else { s += n; slen -= n; }
  }
  n = byte_chr(s,slen,'?');
  /* a fragment is never sent: a '#' in the query is a byte of a value
     that a client (a router filling in a URL template) did not encode;
     one in the path is no path of ours */
  if (byte_chr(s,n,'#') < n) return 400;
  r->path = s; r->pathlen = n;
  if (n < slen) { r->query = s + n + 1; r->querylen = slen - n - 1; }
  else { r->query = s + n; r->querylen = 0; }

  /* headers */
  i = eol + 1;
  while (i < len) {
    eol = i + byte_chr(buf + i,len - i,'\n');
    if (eol == len) return 400;
    end = eol;
    if (end > i && buf[end - 1] == '\r') --end;
    if (end == i) break; /* blank line */
    if (buf[i] == ' ' || buf[i] == '\t') { i = eol + 1; continue; } /* folded: ignored */
    n = byte_chr(buf + i,end - i,':');
    if (!n || i + n == end) return 400;
    for (sp = 0;sp < n;++sp) if (!istoken(buf[i + sp])) return 400;
    v = buf + i + n + 1;
    vlen = end - i - n - 1;
    while (vlen && (*v == ' ' || *v == '\t')) { ++v; --vlen; }
    while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t')) --vlen;
    if (n == 13 && case_equalb(buf + i,13,"authorization")) {
      if (r->hasauth) return 400; /* two of them: refuse to guess */
      r->auth = v; r->authlen = vlen; r->hasauth = 1;
    }
    else if (n == 10 && case_equalb(buf + i,10,"user-agent")) {
      r->agent = v; r->agentlen = vlen; r->hasagent = 1;
    }
    else if (n == 14 && case_equalb(buf + i,14,"content-length")) {
      /* frames only a POST or PUT body: GET and HEAD read none and
         close after the answer, so there it is ignored */
      if (!length(v,vlen,&u) || (hasclen && u != clen)) badclen = 1;
      else { clen = u; hasclen = 1; }
    }
    else if (n == 10 && case_equalb(buf + i,10,"x-api-user")) {
      r->apiuser = v; r->apiuserlen = vlen; r->hasapiuser = 1;
    }
    else if (n == 9 && case_equalb(buf + i,9,"x-api-key")) {
      r->apikey = v; r->apikeylen = vlen; r->hasapikey = 1;
    }
    else if (n == 12 && case_equalb(buf + i,12,"content-type")) {
      form = isform(v,vlen); hastype = 1;
    }
    else if (n == 17 && case_equalb(buf + i,17,"transfer-encoding"))
      chunked = 1;
    i = eol + 1;
  }

  if (is(r->method,r->methodlen,"GET")) return 0;
  if (is(r->method,r->methodlen,"HEAD")) { r->head = 1; return 0; }
  if (is(r->method,r->methodlen,"POST") || is(r->method,r->methodlen,"PUT")) {
    if (badclen) return 400; /* no number, or two that differ */
    if (chunked && hasclen) return 400; /* which one frames it? */
    if (chunked) return 411;
    /* neither header: no body (RFC 9112, 6.3), clen stays 0 */
    if (clen > HTTP_REQMAX - len) return 413;
    /* a body without a type is read as a form: what else would a
       client of this server send? Which types a path takes is the
       caller's to say (415) */
    r->form = !hastype || form;
    r->hasbody = 1;
    r->bodylen = clen;
    return 0;
  }
  for (i = 0;other[i];++i)
    if (is(r->method,r->methodlen,other[i])) return 405;
  return 501;
}
