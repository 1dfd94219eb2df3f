#include "byte.h"
#include "ptr.h"
#include "dyn.h"

/* An = line publishes a PTR as well as an A (a 6 line, in patched
   tinydns-data, a PTR under ip6.arpa): a user naming an address could
   put a PTR for their host into one of the operator's reverse zones.
   So no = or 6 line gets an address whose reverse name lies in a zone
   the served data (DYN_CDB, as tinydns-data built it) has an SOA for,
   at that name or above it. The address is the one the line gets: for
   an IPv6 prefix, the prefix and the line's own low bits.

   dyn_ptrline: 1 if the PTR of ip (family 4 or 6) would be in such a
   zone, 0 if not (or if there is no DYN_CDB: nothing served yet), -1
   if DYN_CDB cannot be read or is broken (errno). dyn_line asks it for
   every = or 6 line that would change. */
int dyn_ptrline(const char *ip,int family)
{
  return family == 4 ? ptr_served4(DYN_CDB,ip) : ptr_served6(DYN_CDB,ip);
}

/* After a pass of request q: every host with such a line (ptrserved)
   is refused whole (ptr; no longer allowed, so none of its lines
   change; every host of that name, one named twice too). Returns how
   many hosts it refuses. */
int dyn_ptr(struct dyn_req *q)
{
  struct dyn_host *h = q->h;
  unsigned int i;
  unsigned int j;
  int n = 0;

  for (i = 0;i < q->nh;++i) {
    if (!h[i].c.ptrserved) continue;
    for (j = 0;j < q->nh;++j)
      if (h[j].ok && h[j].name.len == h[i].name.len
          && byte_equal(h[j].name.s,h[i].name.len,h[i].name.s)) {
        h[j].ptr = 1;
        h[j].allowed = 0;
      }
    ++n;
  }
  return n;
}
