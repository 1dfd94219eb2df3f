#include "byte.h"
#include "ptr.h"
#include "dyn.h"

/* An = line publishes a PTR as well as an A (a 6 line, in patched
   tinydns-data, a PTR under ip6.arpa): a user who names an address
   could put a PTR for their host into one of the operator's own
   reverse zones. So no = or 6 line gets an address whose reverse name
   lies in a zone the served data (cdb, $ROOT/data.cdb) has an SOA for.
   Sets q->noptr4 and q->noptr6 for an address request, once per
   request. 0 on success, -1 on error with errno set (cdb unreadable or
   broken); a missing cdb serves nothing. */
int dyn_ptr(struct dyn_req *q,const char *cdb)
{
  int r;

  q->noptr4 = q->noptr6 = 0;
  if (q->mode != DYN_SET) return 0;
  if (q->addr.has4) {
    r = ptr_served4(cdb,q->addr.ip4);
    if (r == -1) return -1;
    q->noptr4 = r;
  }
  if (q->addr.has6) {
    r = ptr_served6(cdb,q->addr.ip6);
    if (r == -1) return -1;
    q->noptr6 = r;
  }
  return 0;
}

/* After a pass: every host with an = or 6 line left alone (ptrlines)
   is refused whole, so none of its lines change, and it is no longer
   allowed (every host of that name: one named twice too). Returns how
   many hosts it refuses now. */
unsigned int dyn_ptrmark(struct dyn_req *q)
{
  struct dyn_host *h = q->h;
  unsigned int i;
  unsigned int j;
  unsigned int n = 0;

  for (i = 0;i < q->nh;++i) {
    if (!h[i].ptrlines) continue;
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
