#include <time.h>
#include "byte.h"
#include "stralloc.h"
#include "rate.h"
#include "dyn.h"

struct dyn_limits dyn_limits;

static stralloc fn;
static struct rate_key k[DYN_HOSTMAX];
static unsigned int idx[DYN_HOSTMAX];

/* Abuse limits, under the data lock, in the rate file data.abuse.
   Before writing (record 0): every host about to change that changed
   less than mininterval seconds ago, or perhour times in its hour, is
   marked abuse and left out (not allowed). After writing (record 1):
   counts a change for every host that changed. Returns how many hosts
   it marked (record 0), 0 (record 1), or -1 on error. */
int dyn_abuse(const char *data,struct dyn_host *h,unsigned int nh,int record)
{
  unsigned long now = time(0);
  unsigned int n = 0;
  unsigned int i;
  unsigned int j;
  int marked = 0;

  if (!dyn_limits.mininterval && !dyn_limits.perhour) return 0;
  for (i = 0;i < nh;++i) {
    if (!h[i].changed || !h[i].allowed) continue;
    for (j = 0;j < n;++j)
      if (k[j].len == h[i].name.len && byte_equal(k[j].s,k[j].len,h[i].name.s)) break;
    if (j < n) continue; /* named twice: one key */
    k[n].s = h[i].name.s;
    k[n].len = h[i].name.len;
    k[n].bump = record;
    idx[n++] = i;
  }
  if (!n) return 0;
  if (!stralloc_copys(&fn,data) || !stralloc_cats(&fn,".abuse") || !stralloc_0(&fn)) return -1;
  if (rate_update(fn.s,k,n,now,3600,record) == -1) return -1;
  if (record) return 0;
  for (j = 0;j < n;++j) {
    if (!k[j].count) continue;
    if ((dyn_limits.mininterval && now - k[j].last < dyn_limits.mininterval)
        || (dyn_limits.perhour && k[j].count >= dyn_limits.perhour)) {
      for (i = 0;i < nh;++i)
        if (h[i].ok && h[i].name.len == k[j].len && byte_equal(h[i].name.s,k[j].len,k[j].s)) {
          h[i].abuse = 1;
          h[i].allowed = 0;
        }
      ++marked;
    }
  }
  return marked;
}
