#include "byte.h"
#include "dyn.h"

/* Can a host have this address? Not 0.0.0.0/8 ("this network", the
   address of a socket bound to any), 224.0.0.0/4 (multicast) or
   240.0.0.0/4 (reserved, with the broadcast 255.255.255.255); nor
   :: (unspecified) or ff00::/8 (multicast). Loopback (127/8, ::1) is
   fine: a test network, or a host parked on purpose. */
static int host4(const char *ip)
{
  unsigned char a = ip[0];
  return a != 0 && a < 224;
}

static int host6(const char *ip)
{
  unsigned int i;

  if ((unsigned char) ip[0] == 0xff) return 0;
  for (i = 0;i < 16;++i) if (ip[i]) return 1;
  return 0;
}

/* s[0..len) is a list of addresses separated by commas, as in
   myip=192.0.2.10,2001:db8::1: at most one IPv4 and one IPv6, in
   either order; empty items are skipped (some routers send
   "myip=192.0.2.10," when they have no IPv6). An IPv4-mapped IPv6
   address (::ffff:192.0.2.10) counts as the IPv4 one: that is how an
   IPv4 client looks to a dual-stack socket, and it is no use in an AAAA
   record. The IPv6 one may be a prefix, ADDRESS/LEN (dyn_prefix_scan).
   An address no host can have (host4, host6) makes the list invalid.
   a is cleared and filled. 1 if the list is valid (a may then
   hold no address at all), 0 if not. */
int dyn_addr_scan(struct dyn_addr *a,const char *s,unsigned int len)
{
  char ip[16];
  unsigned int i;
  unsigned int j;

  byte_zero((char *) a,sizeof *a);
  for (i = 0;i <= len;i = j + 1) {
    j = i + byte_chr(s + i,len - i,',');
    if (j == i) continue;
    if (byte_chr(s + i,j - i,'/') < j - i) {
      /* an IPv6 prefix, 2001:db8:1:2::/64: dyn_prefix_scan */
      if (a->has6 || !dyn_prefix_scan(a,s + i,j - i)) return 0;
      continue;
    }
    if (!ip4_scan(s + i,j - i,ip)) {
      if (!ip6_scan(s + i,j - i,ip)) return 0;
      if (!ip6_ismapped(ip)) {
        if (a->has6 || !host6(ip)) return 0;
        a->has6 = 1;
        byte_copy(a->ip6,16,ip);
        a->len6 = ip6_fmt(a->text6,a->ip6);
        continue;
      }
      byte_copy(ip,4,ip + 12);
    }
    if (a->has4 || !host4(ip)) return 0;
    a->has4 = 1;
    byte_copy(a->ip4,4,ip);
    a->len4 = ip4_fmt(a->text4,a->ip4);
  }
  return 1;
}
