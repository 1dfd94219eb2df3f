#include "byte.h"
#include "scan.h"
#include "ip4.h"
#include "ip6.h"

/* The textual IPv6 address s[0..len) (RFC 4291 2.2): eight groups of
   1 to 4 hex digits in either case, at most one "::" standing for one
   or more zero groups, and optionally a dotted quad (ip4_scan's strict
   form) as the last 32 bits. Nothing else: no zone id, no brackets, no
   prefix length, no spaces, no fifth digit even if it is a leading
   zero. Returns len and fills ip[16] on success, 0 otherwise. */
unsigned int ip6_scan(const char *s,unsigned int len,char *ip)
{
  char tmp[16];
  unsigned int i = 0;
  unsigned int n = 0;     /* bytes of tmp filled */
  unsigned int gap = 0;   /* where "::" was, in bytes of tmp */
  int hasgap = 0;
  unsigned int digits;
  unsigned int u;
  unsigned int d;
  unsigned int j;

  if (len >= 2 && s[0] == ':' && s[1] == ':') { hasgap = 1; i = 2; }
  else if (len && s[0] == ':') return 0;

  while (i < len) {
    if (n == 16) return 0;
    /* a dotted quad ends the address: look ahead for a '.' in this group */
    j = i;
    while (j < len && s[j] != ':' && s[j] != '.') ++j;
    if (j < len && s[j] == '.') {
      if (n > 12) return 0;
      if (!ip4_scan(s + i,len - i,tmp + n)) return 0;
      n += 4;
      i = len;
      break;
    }
    u = 0;
    for (digits = 0;i < len && (d = scan_xdigit(s[i])) < 16;++digits) {
      if (digits == 4) return 0;
      u = u * 16 + d;
      ++i;
    }
    if (!digits) return 0;
    tmp[n++] = (char) (u >> 8);
    tmp[n++] = (char) u;
    if (i == len) break;
    if (s[i] != ':') return 0;
    ++i;
    if (i < len && s[i] == ':') {
      if (hasgap) return 0; /* a second "::" */
      hasgap = 1;
      gap = n;
      ++i;
    }
    else if (i == len) return 0; /* a single trailing ':' */
  }

  if (!hasgap) {
    if (n != 16) return 0;
    byte_copy(ip,16,tmp);
    return len;
  }
  if (n > 14) return 0; /* "::" must stand for at least one group */
  byte_zero(ip,16);
  byte_copy(ip,gap,tmp);
  byte_copy(ip + 16 - (n - gap),n - gap,tmp + gap);
  return len;
}
