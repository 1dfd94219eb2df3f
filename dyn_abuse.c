#include "byte.h"
#include "stralloc.h"
#include "datadir.h"
#include "rate.h"
#include "dyn.h"

static stralloc fn;
static stralloc txtkey[DYN_HOSTMAX];
static struct rate_key k[DYN_HOSTMAX];
static unsigned int idx[DYN_HOSTMAX];

/* Abuse limits of request q, under the data lock, in the rate file
   DATA.abuse (data is DATA).
   Before writing (record 0): every host about to change that changed
   less than mininterval seconds ago, or perhour times in its hour, is
   marked abuse and left out (not allowed). After writing (record 1):
   counts a change for every host that changed. Returns how many hosts
   it marked (record 0), 0 (record 1), or -1 on error. ACME challenge
   changes (dyn_txt) are counted apart, as _acme-challenge.HOST, so
   they take nothing from the host's address changes, and only by the
   hour: certbot adds two values and removes them a moment apart. */
int dyn_abuse(struct dyn_req *q,const char *data,int record)
{
  struct dyn_host *h = q->h;
  unsigned int nh = q->nh;
  unsigned long now = q->now;
  int txt = q->mode == DYN_TXT;
  unsigned int n = 0;
  unsigned int i;
  unsigned int j;
  int marked = 0;

  if (!q->limits.perhour && (!q->limits.mininterval || txt)) return 0;
  for (i = 0;i < nh;++i) {
    if (!h[i].changed || !h[i].allowed) continue;
    for (j = 0;j < n;++j)
      if (h[idx[j]].name.len == h[i].name.len && byte_equal(h[idx[j]].name.s,h[i].name.len,h[i].name.s)) break;
    if (j < n) continue; /* named twice: one key */
    k[n].s = h[i].name.s;
    k[n].len = h[i].name.len;
    if (txt) {
      if (!stralloc_copys(&txtkey[n],"_acme-challenge.")) return -1;
      if (!stralloc_catb(&txtkey[n],h[i].name.s,h[i].name.len)) return -1;
      k[n].s = txtkey[n].s;
      k[n].len = txtkey[n].len;
    }
    k[n].bump = record;
    idx[n++] = i;
  }
  if (!n) return 0;
  if (!datadir_name(&fn,data,DATADIR_ABUSE)) return -1;
  if (rate_update(fn.s,k,n,now,3600,record) == -1) return -1;
  if (record) return 0;
  for (j = 0;j < n;++j) {
    if (!k[j].count) continue;
    if ((q->limits.mininterval && !txt && now - k[j].last < q->limits.mininterval)
        || (q->limits.perhour && k[j].count >= q->limits.perhour)) {
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
