/* libFuzzer harness: dnsname_fqdn, the gate every hostname passes
   before it is compared with data lines. An accepted name must hold
   only [a-z0-9.-] in the shape of a host name, be the input lowered
   (less one trailing dot), and pass again unchanged. A name that
   follows those rules must be accepted. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "byte.h"
#include "str.h"
#include "strerr.h"
#include "stralloc.h"
#include "dnsname.h"

static stralloc out;
static stralloc again;

static void fail(const char *why)
{
  strerr_warn("fuzz-dnsname: ",why,0,0,0);
  abort();
}

static char lower(char c)
{
  return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* the rules, stated once more, on a name without its trailing dot */
static int shaped(const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int start = 0;
  unsigned int labels = 0;
  char c;

  if (len < 3 || len > 253) return 0;
  for (i = 0;i <= len;++i) {
    if (i < len && s[i] != '.') {
      c = lower(s[i]);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return 0;
      continue;
    }
    if (i == start || i - start > 63) return 0;
    if (s[start] == '-' || s[i - 1] == '-') return 0;
    ++labels;
    start = i + 1;
  }
  return labels >= 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  const char *s = (const char *) data;
  unsigned int len;
  unsigned int i;
  int ok;

  if (size > 512) return 0;
  len = size;
  ok = dnsname_fqdn(&out,s,len);
  if (len && s[len - 1] == '.') --len;
  if (ok != shaped(s,len)) fail(ok ? "accepted a name that breaks the rules" : "refused a good name");
  if (!ok) return 0;

  if (out.len != len) fail("output length is not the input's");
  for (i = 0;i < out.len;++i) {
    if (out.s[i] != lower(s[i])) fail("output is not the input in lower case");
    if (!((out.s[i] >= 'a' && out.s[i] <= 'z') || (out.s[i] >= '0' && out.s[i] <= '9')
          || out.s[i] == '.' || out.s[i] == '-'))
      fail("output holds a byte outside [a-z0-9.-]");
  }
  if (dnsname_fqdn(&again,out.s,out.len) != 1) fail("output refused on a second pass");
  if (again.len != out.len || !byte_equal(again.s,out.len,out.s)) fail("second pass changed the name");
  return 0;
}
