/* libFuzzer harness: the rewrite engine, dyn_scan and dyn_write (and so dyn_line),
   counting and writing, on arbitrary data
   files. Input: a first line of comma-separated host names (a leading
   '!' marks one this user may not update), a second line with the new
   address, then the data file. The first 0xff 0xfe in the data file
   and the two bytes after it become a run of 'x' near DYN_LINEMAX
   bytes long (DYN_LINEMAX - 64 to DYN_LINEMAX + 62), so that the
   long-line path and its edges are reached too.

   The edited file must equal the input but for the address field of
   lines that belong to an allowed host: the same number of newlines,
   every other byte where it was, no line added and none lost. Checked
   field by field, and against a second edit written here. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "byte.h"
#include "case.h"
#include "str.h"
#include "strerr.h"
#include "stralloc.h"
#include "dnsname.h"
#include "ip4.h"
#include "dyn.h"

#define DATAMAX (DYN_LINEMAX * 3)

static struct dyn_req q;
static struct dyn_edits ed;
static struct dyn_batch b;
#define h q.h
#define nh q.nh
#define a q.addr
static char in[DATAMAX];
static unsigned int inlen;
static char want[DATAMAX * 2];
static char edited[DATAMAX * 2];
static unsigned int wantlen;
static unsigned long lines[DYN_HOSTMAX];
static unsigned long changed[DYN_HOSTMAX];
static int fdin = -1;
static int fdout = -1;

static void fail(const char *why)
{
  strerr_warn("fuzz-dyn: ",why,0,0,0);
  abort();
}

static void add(const char *s,unsigned int len)
{
  if (len > sizeof want - wantlen) fail("reference edit overflows");
  byte_copy(want + wantlen,len,s);
  wantlen += len;
}

/* the index of the allowed host line s[0..len) belongs to, or -1 */
static int owner(const char *s,unsigned int len)
{
  unsigned int body = len;
  unsigned int f;
  unsigned int i;
  const char *name;
  unsigned int n;

  if (!len || (s[0] != '+' && s[0] != '=')) return -1;
  if (s[body - 1] == '\n') --body;
  if (body && s[body - 1] == '\r') --body;
  for (f = 0;f < body && s[f] != ':';++f) ;
  name = s + 1; n = f - 1;
  if (s[0] == '+' && n >= 2 && name[0] == '*' && name[1] == '.') { name += 2; n -= 2; }
  if (n && name[n - 1] == '.') --n;
  for (i = 0;i < nh;++i)
    if (h[i].ok && h[i].allowed && h[i].name.len == n && case_equalb(name,n,h[i].name.s))
      return i;
  return -1;
}

/* the expected edit of line s[0..len), appended to want */
static void expect(const char *s,unsigned int len)
{
  unsigned int body = len;
  unsigned int f;
  unsigned int e;
  int i;

  i = owner(s,len);
  if (i < 0) { add(s,len); return; }
  if (s[body - 1] == '\n') --body;
  if (body && s[body - 1] == '\r') --body;
  for (f = 0;f < body && s[f] != ':';++f) ;
  /* no address, or an empty one: publishes nothing, not an address line */
  if (f == body || f + 1 == body || s[f + 1] == ':') { add(s,len); return; }
  ++lines[i];
  for (e = f + 1;e < body && s[e] != ':';++e) ;
  if (e - f - 1 != a.len4 || !byte_equal(s + f + 1,a.len4,a.text4)) ++changed[i];
  add(s,f + 1); add(a.text4,a.len4); add(s + e,len - e);
}

static unsigned int newlines(const char *s,unsigned int len)
{
  unsigned int n = 0;
  unsigned int i;
  for (i = 0;i < len;++i) if (s[i] == '\n') ++n;
  return n;
}

/* splits a line at its first two colons, after its line end */
struct fields {
  unsigned int body;      /* without \n and one \r */
  unsigned int f;         /* first colon, or body */
  unsigned int e;         /* second colon, or body */
};

static void split(const char *s,unsigned int len,struct fields *x)
{
  x->body = len;
  if (x->body && s[x->body - 1] == '\n') --x->body;
  if (x->body && s[x->body - 1] == '\r') --x->body;
  for (x->f = 0;x->f < x->body && s[x->f] != ':';++x->f) ;
  x->e = x->body;
  if (x->f < x->body) for (x->e = x->f + 1;x->e < x->body && s[x->e] != ':';++x->e) ;
}

/* an edited line keeps everything but the address field */
static void samebutaddress(const char *s,unsigned int slen,const char *t,unsigned int tlen)
{
  struct fields x;
  struct fields y;

  if (!slen || (s[0] != '+' && s[0] != '=')) fail("edited a line that is not + or =");
  if (owner(s,slen) < 0) fail("edited a line of no allowed host");
  split(s,slen,&x);
  split(t,tlen,&y);
  if (slen - x.body != tlen - y.body || !byte_equal(s + x.body,slen - x.body,t + y.body))
    fail("line end changed");
  if (x.f != y.f || !byte_equal(s,x.f,t)) fail("name field changed");
  if (y.f == y.body) fail("edited line has no address field");
  if (y.e - y.f - 1 != a.len4 || !byte_equal(t + y.f + 1,a.len4,a.text4)) fail("address field is not the new address");
  if (x.body - x.e != y.body - y.e || !byte_equal(s + x.e,x.body - x.e,t + y.e)) fail("fields after the address changed");
}

static void compare(const char *out,unsigned int outlen)
{
  unsigned int i = 0;
  unsigned int j = 0;
  unsigned int ei;
  unsigned int ej;

  if (newlines(out,outlen) != newlines(in,inlen)) fail("number of lines changed");
  while (i < inlen || j < outlen) {
    if (i >= inlen || j >= outlen) fail("output has a line more or less");
    for (ei = i;ei < inlen && in[ei] != '\n';++ei) ;
    if (ei < inlen) ++ei;
    for (ej = j;ej < outlen && out[ej] != '\n';++ej) ;
    if (ej < outlen) ++ej;
    if (ei - i != ej - j || !byte_equal(in + i,ei - i,out + j))
      samebutaddress(in + i,ei - i,out + j,ej - j);
    i = ei; j = ej;
  }
  if (outlen != wantlen || !byte_equal(out,outlen,want)) fail("output differs from the reference edit");
}

static unsigned int line(const char *s,unsigned int len)
{
  unsigned int n = byte_chr(s,len,'\n');
  return n;
}

static void hosts(const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int j;
  int allowed;

  unsigned int k = 1;

  for (i = 0;i < len;++i) if (s[i] == ',') ++k;
  if (!dyn_req_hosts(&q,k)) fail("out of memory");
  k = 0;
  for (i = 0;i <= len && k < nh;i = j + 1,++k) {
    j = i + byte_chr(s + i,len - i,',');
    allowed = 1;
    if (j > i && s[i] == '!') { allowed = 0; ++i; }
    h[k].allowed = allowed;
    h[k].ok = dnsname_fqdn(&h[k].name,s + i,j - i);
    if (!h[k].ok && !stralloc_copyb(&h[k].name,s + i,j - i)) fail("out of memory");
  }
}

static void address(const char *s,unsigned int len)
{
  if (!ip4_scan(s,len,a.ip4)) byte_copy(a.ip4,4,"\300\0\2\12"); /* 192.0.2.10 */
  a.len4 = ip4_fmt(a.text4,a.ip4);
  a.has4 = 1; /* an IPv4 update: IPv6 lines are not touched */
}

/* the data file, with the first 0xff 0xfe and two bytes made a long run */
static int data(const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int n;

  for (i = 0;i + 3 < len;++i)
    if (s[i] == (char) 0xff && s[i + 1] == (char) 0xfe) break;
  if (i + 3 >= len) {
    byte_copy(in,len,s);
    inlen = len;
    return 1;
  }
  n = DYN_LINEMAX - 64 + (unsigned char) s[i + 2] % 64 + (unsigned char) s[i + 3] % 64;
  if (len - 4 + n > sizeof in) return 0;
  byte_copy(in,i,s);
  for (inlen = i;inlen < i + n;++inlen) in[inlen] = 'x';
  byte_copy(in + inlen,len - i - 4,s + i + 4);
  inlen += len - i - 4;
  return 1;
}

static void reference(void)
{
  unsigned int i = 0;
  unsigned int e;

  wantlen = 0;
  byte_zero((char *) lines,sizeof lines);
  byte_zero((char *) changed,sizeof changed);
  while (i < inlen) {
    for (e = i;e < inlen && in[e] != '\n';++e) ;
    if (e < inlen) ++e;
    /* a line of at most DYN_LINEMAX bytes, its newline not counted, is
       looked at; longer lines pass through as they are */
    if (e - i - (in[e - 1] == '\n') <= DYN_LINEMAX) expect(in + i,e - i);
    else add(in + i,e - i);
    i = e;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *d,size_t size)
{
  const char *s = (const char *) d;
  unsigned int len;
  unsigned int n;
  unsigned int i;
  struct stat st;
  unsigned long seen[DYN_HOSTMAX];

  if (size > DYN_LINEMAX) return 0;
  len = size;
  n = line(s,len);
  hosts(s,n);
  if (n < len) { ++n; s += n; len -= n; }
  else { s += len; len = 0; }
  n = line(s,len);
  address(s,n);
  if (n < len) { ++n; s += n; len -= n; }
  else { s += len; len = 0; }
  if (!data(s,len)) return 0;
  reference();

  if (fdin == -1) fdin = memfd_create("fuzz-dyn-in",0);
  if (fdout == -1) fdout = memfd_create("fuzz-dyn-out",0);
  if (fdin == -1 || fdout == -1) fail("memfd_create");
  if (ftruncate(fdin,0) == -1 || ftruncate(fdout,0) == -1) fail("ftruncate");
  if (pwrite(fdin,in,inlen,0) != (ssize_t) inlen) fail("pwrite");

  /* the counting pass, as dyn_update makes it first */
  if (lseek(fdin,0,SEEK_SET) == -1) fail("lseek");
  if (!dyn_batch_start(&b,1,nh)) fail("out of memory");
  dyn_batch_add(&b,&q);
  ed.max = 0;
  if (dyn_scan(&b,fdin,&ed) == -1) fail("dyn_scan failed");
  for (i = 0;i < nh;++i) {
    if (h[i].c.lines != lines[i]) fail("wrong count of lines (counting)");
    if (h[i].c.changed != changed[i]) fail("wrong count of changes (counting)");
    seen[i] = h[i].c.lines;
  }

  if (lseek(fdin,0,SEEK_SET) == -1 || lseek(fdout,0,SEEK_SET) == -1) fail("lseek");
  ed.max = 1; /* the writing pass, flushing after every edit */
  if (dyn_write(&b,fdin,fdout,&ed) == -1) fail("dyn_write failed");
  for (i = 0;i < nh;++i) {
    if (h[i].c.lines != seen[i]) fail("the two passes counted differently");
    if (h[i].c.changed != changed[i]) fail("wrong count of changes");
  }
  if (fstat(fdout,&st) == -1) fail("fstat");
  if (st.st_size > (off_t) sizeof edited) fail("output too long");
  if (pread(fdout,edited,st.st_size,0) != (ssize_t) st.st_size) fail("pread");
  compare(edited,st.st_size);
  return 0;
}
