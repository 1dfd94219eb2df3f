#include "byte.h"
#include "ip4.h"
#include "ip6.h"

static const char hex[] = "0123456789abcdef";

/* ::ffff:0:0/96, an IPv4 address as an IPv6 socket shows it */
int ip6_ismapped(const char *ip)
{
  static const char prefix[12] = { 0,0,0,0,0,0,0,0,0,0,(char) 255,(char) 255 };
  return byte_equal(ip,12,prefix);
}

/* RFC 5952 text: lower case, no leading zeros, the longest run of two
   or more zero groups (the first of equals) written "::", and an
   IPv4-mapped address as ::ffff:a.b.c.d (section 5). s may be 0 to
   measure; at most IP6_FMT - 1 bytes. */
unsigned int ip6_fmt(char *s,const char *ip)
{
  unsigned int g[8];
  unsigned int i;
  unsigned int j;
  unsigned int best = 8;
  unsigned int bestlen = 1;
  unsigned int len = 0;
  unsigned int n;
  int shown;

  if (ip6_ismapped(ip)) {
    if (s) byte_copy(s,7,"::ffff:");
    return 7 + ip4_fmt(s ? s + 7 : 0,ip + 12);
  }
  for (i = 0;i < 8;++i)
    g[i] = ((unsigned int) (unsigned char) ip[2 * i] << 8) | (unsigned char) ip[2 * i + 1];
  for (i = 0;i < 8;i = j + 1) {
    for (j = i;j < 8 && !g[j];++j) ;
    if (j - i > bestlen) { best = i; bestlen = j - i; }
  }

  for (i = 0;i < 8;++i) {
    if (i == best) {
      if (s) { *s++ = ':'; *s++ = ':'; }
      len += 2;
      i += bestlen - 1;
      continue;
    }
    if (i && i != best + bestlen) { if (s) *s++ = ':'; ++len; }
    shown = 0;
    for (n = 4;n-- > 0;) {
      j = (g[i] >> (4 * n)) & 15;
      if (!j && !shown && n) continue;
      shown = 1;
      if (s) *s++ = hex[j];
      ++len;
    }
  }
  return len;
}
