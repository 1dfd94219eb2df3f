/* libFuzzer harness: ip4_scan and ip4_fmt. Whatever ip4_scan accepts
   must format back to exactly itself (one spelling per address, so no
   "127.1" or "010.0.0.1" ever reaches a data file); whatever ip4_fmt
   writes, ip4_scan must read back to the same four bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "byte.h"
#include "str.h"
#include "strerr.h"
#include "ip4.h"

static void fail(const char *why)
{
  strerr_warn("fuzz-ip4: ",why,0,0,0);
  abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  const char *s = (const char *) data;
  char ip[4];
  char ip2[4];
  char text[IP4_FMT];
  unsigned int n;
  unsigned int len;

  if (size > 64) return 0;
  len = size;

  n = ip4_scan(s,len,ip);
  if (n && n != len) fail("ip4_scan accepted part of its input");
  if (n) {
    if (ip4_fmt(0,ip) != len) fail("accepted text is not the canonical length");
    if (ip4_fmt(text,ip) != len) fail("ip4_fmt measured and wrote different lengths");
    if (!byte_equal(text,len,s)) fail("accepted text does not format back to itself");
  }

  if (len >= 4) {
    n = ip4_fmt(text,s);
    if (n < 7 || n > 15) fail("ip4_fmt length out of range");
    if (ip4_fmt(0,s) != n) fail("ip4_fmt measured and wrote different lengths");
    if (ip4_scan(text,n,ip2) != n) fail("ip4_scan refused what ip4_fmt wrote");
    if (!byte_equal(ip2,4,s)) fail("round trip changed the address");
  }
  return 0;
}
