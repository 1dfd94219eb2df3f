#include "byte.h"
#include "ptr.h"
#include "dyn.h"

/* An = line publishes a PTR as well as an A (a 6 line, in patched
   tinydns-data, a PTR under ip6.arpa): a user naming an address could
   put a PTR for their host into one of the operator's reverse zones.
   So no = or 6 line gets an address whose reverse name lies in a zone
   the served data (cdb: data.cdb, as tinydns-data built it) has an SOA
   for, at that name or above it. After a pass of request q, once per
   request and only if some = or 6 line would change (ptr4, ptr6):
   every host with such a line for a served reverse name is refused
   whole (ptr; no longer allowed, so none of its lines change; every
   host of that name, one named twice too). Returns how many hosts it
   refuses, or -1 if cdb cannot be read or is broken, errno set. A
   missing cdb serves nothing: no host is refused. */
int dyn_ptr(struct dyn_req *q,const char *cdb)
{
  struct dyn_host *h = q->h;
  int need4 = 0;
  int need6 = 0;
  int served4 = 0;
  int served6 = 0;
  unsigned int i;
  unsigned int j;
  int n = 0;

  for (i = 0;i < q->nh;++i) {
    if (h[i].ptr4) need4 = 1;
    if (h[i].ptr6) need6 = 1;
  }
  /* dyn_line counts them only for a family the request sets */
  if (need4 && (served4 = ptr_served4(cdb,q->addr.ip4)) == -1) return -1;
  if (need6 && (served6 = ptr_served6(cdb,q->addr.ip6)) == -1) return -1;
  if (!served4 && !served6) return 0;

  for (i = 0;i < q->nh;++i) {
    if (!(served4 && h[i].ptr4) && !(served6 && h[i].ptr6)) continue;
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
