/* libFuzzer harness: dyn_addr_scan (myip lists, IPv6 prefixes) and the
   prefix edit of dyn_line. Input: an address list, a newline, then up
   to 16 bytes of an old IPv6 address. Whatever the list scan accepts
   must format and scan back to itself; a prefix has a length from
   DYN_PREFIXMIN to 127, no bits after it, and is not multicast. An
   IPv6 line of the host given the old address must come out with the
   prefix's bits and the old address's others, and nothing else in the
   line changed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "byte.h"
#include "fmt.h"
#include "str.h"
#include "strerr.h"
#include "stralloc.h"
#include "dyn.h"

static struct dyn_req q;
static stralloc line;
static stralloc out;
static stralloc list;

static void fail(const char *why)
{
  strerr_warn("fuzz-addr: ",why,0,0,0);
  abort();
}

/* bit i (from the top) of ip */
static int bit(const char *ip,unsigned int i)
{
  return ((unsigned char) ip[i / 8] >> (7 - i % 8)) & 1;
}

static void scanned(const struct dyn_addr *a)
{
  char text[DYN_TEXT6];
  struct dyn_addr b;
  unsigned int n;
  unsigned int i;

  if (a->has6) {
    n = ip6_fmt(text,a->ip6);
    if (a->prefix6) {
      if (a->prefix6 < DYN_PREFIXMIN || a->prefix6 > 127) fail("prefix length out of range");
      for (i = a->prefix6;i < 128;++i) if (bit(a->ip6,i)) fail("bits after the prefix");
      if ((unsigned char) a->ip6[0] == 0xff) fail("multicast prefix");
      text[n++] = '/';
      n += fmt_ulong(text + n,a->prefix6);
    }
    if (n != a->len6 || !byte_equal(text,n,a->text6)) fail("text6 is not the address or prefix");
  }
  /* the texts scan back to the same */
  if (!stralloc_copys(&list,"")) fail("out of memory");
  if (a->has4 && !stralloc_catb(&list,a->text4,a->len4)) fail("out of memory");
  if (!stralloc_cats(&list,",")) fail("out of memory");
  if (a->has6 && !stralloc_catb(&list,a->text6,a->len6)) fail("out of memory");
  if (!dyn_addr_scan(&b,list.s,list.len)) fail("the echoed addresses do not scan");
  if (b.has4 != a->has4 || b.has6 != a->has6 || b.prefix6 != a->prefix6) fail("the echo scans differently");
  if (a->has4 && !byte_equal(a->ip4,4,b.ip4)) fail("IPv4 echo differs");
  if (a->has6 && !byte_equal(a->ip6,16,b.ip6)) fail("IPv6 echo differs");
}

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  const char *s = (const char *) data;
  char old[16];
  char got[16];
  char text[IP6_FMT_OCTAL];
  unsigned int nl;
  unsigned int n;
  unsigned int i;
  int r;

  if (size > 4096) return 0;
  nl = byte_chr(s,size,'\n');
  if (!dyn_addr_scan(&q.addr,s,nl)) return 0;
  scanned(&q.addr);
  if (!q.addr.has6) return 0;

  byte_zero(old,16);
  if (nl < size) byte_copy(old,size - nl - 1 > 16 ? 16 : size - nl - 1,s + nl + 1);
  q.mode = DYN_SET;
  if (!dyn_req_hosts(&q,1)) fail("out of memory");
  if (!stralloc_copys(&q.h[0].name,"h.example.com")) fail("out of memory");
  q.h[0].ok = 1;
  q.h[0].allowed = 1;
  n = ip6_fmt_octal(text,old);
  if (!stralloc_copys(&line,":H.example.com.:28:") || !stralloc_catb(&line,text,n)
      || !stralloc_cats(&line,":300::lo\n")) fail("out of memory");
  r = dyn_line(&q,line.s,line.len,&out);
  if (r == -1) fail("out of memory");
  if (q.h[0].c.lines != 1 || q.h[0].c.lines6 != 1) fail("the line was not counted");
  for (i = 0;i < 16;++i) got[i] = old[i];
  if (r == 1) {
    /* :H.example.com.:28: then 64 bytes of address, then the rest */
    if (out.len != line.len || !byte_equal(out.s,19,line.s) || !byte_equal(out.s + 19 + n,line.len - 19 - n,line.s + 19 + n))
      fail("more than the address changed");
    if (!ip6_scan_octal(out.s + 19,n,got)) fail("the new address does not read back");
    if (byte_equal(got,16,old)) fail("an edit that changes nothing");
  }
  for (i = 0;i < 128;++i)
    if (bit(got,i) != (q.addr.prefix6 && i >= q.addr.prefix6 ? bit(old,i) : bit(q.addr.ip6,i)))
      fail(r == 1 ? "the new address is not prefix and old interface id" : "a line left as it is that should change");
  return 0;
}
