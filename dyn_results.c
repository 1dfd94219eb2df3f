#include "byte.h"
#include "dyn.h"

/* One answer per host; a host named twice shares the first one's count. */
void dyn_results(struct dyn_req *q)
{
  struct dyn_host *h = q->h;
  unsigned int nh = q->nh;
  unsigned int i;
  unsigned int j;

  for (i = 0;i < nh;++i) {
    for (j = 0;j < i;++j)
      if (h[j].ok && h[i].ok && h[j].name.len == h[i].name.len
          && byte_equal(h[j].name.s,h[i].name.len,h[i].name.s)) {
        h[i].lines = h[j].lines;
        h[i].lines4 = h[j].lines4;
        h[i].lines6 = h[j].lines6;
        h[i].changed = h[j].changed;
        h[i].abuse = h[j].abuse;
        h[i].ptr = h[j].ptr;
        break;
      }
    if (!h[i].ok) h[i].result = DYN_NOTFQDN;
    else if (h[i].abuse) h[i].result = DYN_ABUSE;
    else if (h[i].ptr) h[i].result = DYN_ABUSE; /* ptr-in-served-zone */
    else if (!h[i].allowed || !h[i].lines) h[i].result = DYN_NOHOST;
    else if (h[i].changed) h[i].result = DYN_GOOD;
    else h[i].result = DYN_NOCHG;
  }
}
