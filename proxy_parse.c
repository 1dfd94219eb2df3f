#include "byte.h"
#include "ip4.h"
#include "ip6.h"
#include "proxy.h"

/* one field up to the next space (or the end): its length, 0 if empty */
static unsigned int field(const char *s,unsigned int len)
{
  return byte_chr(s,len,' ');
}

/* a port: 0..65535 in decimal, no sign, no leading zero */
static int port(const char *s,unsigned int len)
{
  unsigned long u = 0;
  unsigned int i;

  if (!len || len > 5) return 0;
  if (s[0] == '0' && len > 1) return 0;
  for (i = 0;i < len;++i) {
    if (s[i] < '0' || s[i] > '9') return 0;
    u = u * 10 + (s[i] - '0');
  }
  return u <= 65535;
}

/* Parses a PROXY protocol v1 line as proxy_read left it, strictly:
   "PROXY TCP4 src dst sport dport\r\n" (or TCP6), one space between
   fields, addresses of the family named in their canonical forms
   (ip4_scan, ip6_scan), ports 0..65535; or "PROXY UNKNOWN", anything,
   "\r\n", which says the front does not know the client's address.
   Returns 1 and the source address as text (NUL-terminated, at most
   PROXY_IPFMT bytes) in src; 2 for UNKNOWN (src untouched); 0 for
   anything else. */
int proxy_parse(const char *s,unsigned int len,char *src)
{
  char ip[16];
  char dst[16];
  unsigned int n;
  int six;

  if (len < 8 || s[len - 2] != '\r' || s[len - 1] != '\n') return 0;
  len -= 2;
  if (byte_chr(s,len,'\r') < len || byte_chr(s,len,'\n') < len) return 0;
  if (len < 6 || !byte_equal(s,6,"PROXY ")) return 0;
  s += 6; len -= 6;

  if (len >= 7 && byte_equal(s,7,"UNKNOWN"))
    if (len == 7 || s[7] == ' ') return 2;
  if (len < 5 || s[4] != ' ') return 0;
  if (byte_equal(s,4,"TCP4")) six = 0;
  else if (byte_equal(s,4,"TCP6")) six = 1;
  else return 0;
  s += 5; len -= 5;

  n = field(s,len);
  if (!n || n == len) return 0;
  if (six ? !ip6_scan(s,n,ip) : !ip4_scan(s,n,ip)) return 0;
  s += n + 1; len -= n + 1;
  n = field(s,len);
  if (!n || n == len) return 0;
  if (six ? !ip6_scan(s,n,dst) : !ip4_scan(s,n,dst)) return 0;
  s += n + 1; len -= n + 1;
  n = field(s,len);
  if (n == len || !port(s,n)) return 0;
  s += n + 1; len -= n + 1;
  if (field(s,len) != len || !port(s,len)) return 0;

  n = six ? ip6_fmt(src,ip) : ip4_fmt(src,ip);
  src[n] = 0;
  return 1;
}
