#include "scan.h"
#include "ip6.h"

/* The forms an IPv6 address takes in tinydns data. Stock tinydns-data
   knows AAAA only as a generic line ":fqdn:28:rdata", rdata with \ooo
   octal escapes; patched builds read 32 hex digits in "6fqdn:" and
   "3fqdn:" lines. */

static const char hex[] = "0123456789abcdef";

/* 16 times \ooo; s may be 0 to measure */
unsigned int ip6_fmt_octal(char *s,const char *ip)
{
  unsigned int i;
  unsigned char c;

  if (s)
    for (i = 0;i < 16;++i) {
      c = (unsigned char) ip[i];
      *s++ = '\\';
      *s++ = '0' + (c >> 6);
      *s++ = '0' + ((c >> 3) & 7);
      *s++ = '0' + (c & 7);
    }
  return IP6_FMT_OCTAL;
}

/* 32 lower-case hex digits; s may be 0 to measure */
unsigned int ip6_fmt_hex(char *s,const char *ip)
{
  unsigned int i;

  if (s)
    for (i = 0;i < 16;++i) {
      *s++ = hex[((unsigned char) ip[i]) >> 4];
      *s++ = hex[ip[i] & 15];
    }
  return IP6_FMT_HEX;
}

/* Reads rdata s[0..len) as tinydns-data does: "\" and up to three octal
   digits is one byte (modulo 256), "\" and any other byte is that byte,
   a "\" at the end is dropped, anything else stands for itself. 1 and
   ip[16] filled if that makes exactly 16 bytes; 0 if not. */
int ip6_scan_octal(const char *s,unsigned int len,char *ip)
{
  unsigned int i;
  unsigned int n = 0;
  unsigned int digits;
  unsigned int u;

  for (i = 0;i < len;++i) {
    u = (unsigned char) s[i];
    if (s[i] == '\\') {
      if (++i == len) break;
      u = (unsigned char) s[i];
      if (s[i] >= '0' && s[i] <= '7') {
        u = 0;
        for (digits = 0;digits < 3 && i < len && s[i] >= '0' && s[i] <= '7';++digits)
          u = u * 8 + (s[i++] - '0');
        --i;
      }
    }
    if (n == 16) return 0;
    ip[n++] = (char) u;
  }
  return n == 16;
}

/* exactly 32 hex digits, either case: 1 and ip[16] filled; 0 if not */
int ip6_scan_hex(const char *s,unsigned int len,char *ip)
{
  unsigned int i;
  unsigned int hi;
  unsigned int lo;

  if (len != 32) return 0;
  for (i = 0;i < 16;++i) {
    hi = scan_xdigit(s[2 * i]);
    lo = scan_xdigit(s[2 * i + 1]);
    if (hi > 15 || lo > 15) return 0;
    ip[i] = (char) (hi * 16 + lo);
  }
  return 1;
}
