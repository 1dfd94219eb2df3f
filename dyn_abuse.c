#include <time.h>
#include "byte.h"
#include "stralloc.h"
#include "rate.h"
#include "dyn.h"

struct dyn_limits dyn_limits;

static stralloc fn;
static stralloc txtkey[DYN_HOSTMAX];
static struct rate_key k[DYN_HOSTMAX];
static unsigned int idx[DYN_HOSTMAX];

/* Abuse limits, under the data lock, in the rate file data.abuse.
   Before writing (record 0): every host about to change that changed
   less than mininterval seconds ago, or perhour times in its hour, is
   marked abuse and left out (not allowed). After writing (record 1):
   counts a change for every host that changed. Returns how many hosts
   it marked (record 0), 0 (record 1), or -1 on error. ACME challenge
   changes (dyn_txt) are counted apart, as _acme-challenge.HOST, so
   they take nothing from the host's address changes, and only by the
   hour: certbot adds two values and removes them a moment apart. */
int dyn_abuse(const char *data,struct dyn_host *h,unsigned int nh,int record)
{
  unsigned long now = time(0);
  unsigned int n = 0;
  unsigned int i;
  unsigned int j;
  int marked = 0;

  if (!dyn_limits.perhour && (!dyn_limits.mininterval || dyn_txt.action)) return 0;
  for (i = 0;i < nh;++i) {
    if (!h[i].changed || !h[i].allowed) continue;
    for (j = 0;j < n;++j)
      if (h[idx[j]].name.len == h[i].name.len && byte_equal(h[idx[j]].name.s,h[i].name.len,h[i].name.s)) break;
    if (j < n) continue; /* named twice: one key */
    k[n].s = h[i].name.s;
    k[n].len = h[i].name.len;
    if (dyn_txt.action) {
      if (!stralloc_copys(&txtkey[n],"_acme-challenge.")) return -1;
      if (!stralloc_catb(&txtkey[n],h[i].name.s,h[i].name.len)) return -1;
      k[n].s = txtkey[n].s;
      k[n].len = txtkey[n].len;
    }
    k[n].bump = record;
    idx[n++] = i;
  }
  if (!n) return 0;
  if (!stralloc_copys(&fn,data) || !stralloc_cats(&fn,".abuse") || !stralloc_0(&fn)) return -1;
  if (rate_update(fn.s,k,n,now,3600,record) == -1) return -1;
  if (record) return 0;
  for (j = 0;j < n;++j) {
    if (!k[j].count) continue;
    if ((dyn_limits.mininterval && !dyn_txt.action && now - k[j].last < dyn_limits.mininterval)
        || (dyn_limits.perhour && k[j].count >= dyn_limits.perhour)) {
      for (i = 0;i < nh;++i)
        if (h[i].ok && h[i].name.len == h[idx[j]].name.len
            && byte_equal(h[i].name.s,h[i].name.len,h[idx[j]].name.s)) {
          h[i].abuse = 1;
          h[i].allowed = 0;
        }
      ++marked;
    }
  }
  return marked;
}
