#include "byte.h"
#include "fmt.h"
#include "dyn.h"

/* s[0..len) is an IPv6 prefix, ADDRESS/LEN as a router sends its
   delegated LAN prefix (2001:db8:1:2::/64): an address in any form
   ip6_scan takes, then a decimal LEN from DYN_PREFIXMIN to 128 without
   leading zeros. The bits of ADDRESS after the first LEN are ignored
   (cleared). A multicast, IPv4-mapped or all-zero prefix is no network
   a host lives in and is refused. Sets a's IPv6 part: a->ip6, a->prefix6 (LEN;
   0 for /128, which is a plain address) and a->text6 (the prefix in
   RFC 5952 form, with its /LEN unless 128). 1 if valid, 0 if not. */
int dyn_prefix_scan(struct dyn_addr *a,const char *s,unsigned int len)
{
  char ip[16];
  unsigned int slash;
  unsigned int plen;
  unsigned int i;
  unsigned int n;

  slash = byte_chr(s,len,'/');
  if (slash == len || !ip6_scan(s,slash,ip)) return 0;
  n = len - slash - 1;
  if (!n || n > 3 || s[slash + 1] == '0') return 0;
  plen = 0;
  for (i = slash + 1;i < len;++i) {
    if (s[i] < '0' || s[i] > '9') return 0;
    plen = plen * 10 + (s[i] - '0');
  }
  if (plen < DYN_PREFIXMIN || plen > 128) return 0;
  if ((unsigned char) ip[0] == 0xff || ip6_ismapped(ip)) return 0;
  for (i = 0;i < 16;++i) {
    if (i * 8 >= plen) ip[i] = 0;
    else if (i * 8 + 8 > plen) ip[i] &= (char) (0xff << (8 - (plen - i * 8)));
  }
  /* all zero (::, or ::/LEN): no network either */
  for (i = 0;i < 16;++i) if (ip[i]) break;
  if (i == 16) return 0;
  a->has6 = 1;
  byte_copy(a->ip6,16,ip);
  a->prefix6 = plen == 128 ? 0 : plen;
  a->len6 = ip6_fmt(a->text6,a->ip6);
  if (a->prefix6) {
    a->text6[a->len6++] = '/';
    a->len6 += fmt_ulong(a->text6 + a->len6,plen);
  }
  return 1;
}
