/* libFuzzer harness: urldecode and http_param on arbitrary query
   strings. Both are checked against a second, plain decoder written
   here: decoding happens exactly once (%250A is "%0A", never a
   newline), '+' is a space, a broken escape stays as it is, output is
   never longer than input; http_param finds any of a list of names,
   case ignored, counts them up to 2 and gives the first one's value. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "byte.h"
#include "str.h"
#include "strerr.h"
#include "stralloc.h"
#include "urldecode.h"
#include "http.h"

static stralloc out;
static char ref[65536];
static char refkey[65536];

static void fail(const char *why)
{
  strerr_warn("fuzz-query: ",why,0,0,0);
  abort();
}

static int hex(unsigned char c)
{
  static const char digits[] = "0123456789abcdef0123456789ABCDEF";
  unsigned int i;
  for (i = 0;i < 32;++i) if (digits[i] == c) return i & 15;
  return -1;
}

/* the reference decoder: returns the decoded length */
static unsigned int decode(char *to,const char *s,unsigned int len)
{
  unsigned int n = 0;

  while (len) {
    if (len >= 3 && s[0] == '%' && hex(s[1]) >= 0 && hex(s[2]) >= 0) {
      to[n++] = hex(s[1]) * 16 + hex(s[2]);
      s += 3; len -= 3;
      continue;
    }
    to[n++] = (*s == '+') ? ' ' : *s;
    ++s; --len;
  }
  return n;
}

static int lower(int c)
{
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* the reference for http_param: how often (at most 2) one of names is
   there, case ignored; the first one's value in ref[0..*rlen) */
static int lookupany(const char *q,unsigned int len,const char *const *names,unsigned int *rlen)
{
  unsigned int i;
  unsigned int j;
  unsigned int k;
  unsigned int start = 0;
  unsigned int eq;
  unsigned int klen;
  int found = 0;

  for (i = 0;i <= len;++i) {
    if (i < len && q[i] != '&') continue;
    if (i > start || i < len) {
      for (eq = start;eq < i && q[eq] != '=';++eq) ;
      klen = decode(refkey,q + start,eq - start);
      for (j = 0;names[j];++j) {
        if (klen != str_len(names[j])) continue;
        for (k = 0;k < klen && lower((unsigned char) refkey[k]) == names[j][k];++k) ;
        if (k < klen) continue;
        if (++found == 2) return 2;
        *rlen = (eq < i) ? decode(ref,q + eq + 1,i - eq - 1) : 0;
        break;
      }
    }
    start = i + 1;
  }
  return found;
}

static void checkany(const char *q,unsigned int len,const char *const *names)
{
  unsigned int rlen = 0;
  int r;

  r = http_param(q,len,names,&out);
  if (r == -1) fail("http_param out of memory");
  if (r != lookupany(q,len,names,&rlen)) fail("http_param counted wrong");
  if (r == 1 && (out.len != rlen || !byte_equal(out.s,rlen,ref))) fail("http_param returned the wrong value");
}

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  const char *s = (const char *) data;
  unsigned int len;
  unsigned int n;

  if (size > 16384) return 0;
  len = size;

  if (!urldecode(&out,s,len)) fail("urldecode out of memory");
  if (out.len > len) fail("urldecode output longer than its input");
  n = decode(ref,s,len);
  if (out.len != n || !byte_equal(out.s,n,ref)) fail("urldecode differs from the reference");
  if (byte_chr(s,len,'%') == len && byte_chr(s,len,'+') == len)
    if (!byte_equal(out.s,len,s)) fail("urldecode changed a string without escapes");

  {
    static const char *const ip4[] = { "myipv4", "ipv4", "ip", 0 };
    static const char *const host[] = { "hostname", 0 };
    static const char *const myip[] = { "myip", 0 };
    static const char *const empty[] = { "", 0 };
    checkany(s,len,ip4);
    checkany(s,len,host);
    checkany(s,len,myip);
    checkany(s,len,empty);
  }
  return 0;
}
