#include "dyn.h"

/* A TXT request may change the challenge values of a host only if the
   user may update it and it has address lines: known after a first
   scan; so may a DYN_DROP request remove them. Returns how many hosts
   it marks. */
static unsigned int txtmark(struct dyn_batch *b)
{
  struct dyn_req *q;
  unsigned int i;
  unsigned int k;
  unsigned int n = 0;

  for (k = 0;k < b->n;++k)
    for (q = b->r[k],i = 0;i < q->nh;++i) {
      q->h[i].txt = (q->mode == DYN_TXT || q->mode == DYN_DROP)
        && q->h[i].ok && q->h[i].allowed && q->h[i].c.lines;
      if (q->h[i].txt) ++n;
    }
  return n;
}

/* The counting scan of batch b over the data file fd (dyn_scan),
   twice if it has TXT or DROP requests: their hosts are marked after
   the first; three times for DYN_TXTROLL. The same for a look and for a rewrite. With e->stop, only
   the first scan may stop (e->next set; dyn_scan clears e->stop): the
   next count with e then goes on with it, and makes the second in
   full. 0, or -1 (errno, e->why). */
int dyn_count(struct dyn_batch *b,int fd,struct dyn_edits *e)
{
  struct dyn_req *q;
  unsigned int i;
  unsigned int k;
  int roll = 0;

  if (!e->next)
    for (k = 0;k < b->n;++k)
      for (i = 0;i < b->r[k]->nh;++i) { b->r[k]->h[i].txt = 0; b->r[k]->h[i].txtkeep = 0; }
  if (dyn_scan(b,fd,e) == -1) return -1;
  if (e->next || !txtmark(b)) return 0;
  if (dyn_scan(b,fd,e) == -1) return -1;
  /* DYN_TXTROLL: now that the host's newest other value is known, a
     third scan drops the older ones */
  for (k = 0;k < b->n;++k)
    for (q = b->r[k],i = 0;i < q->nh;++i)
      if (q->mode == DYN_TXT && q->txt.action == DYN_TXTROLL && q->h[i].txt) {
        q->h[i].txtkeep = 1 + q->h[i].c.txtnewestat;
        roll = 1;
      }
  return roll ? dyn_scan(b,fd,e) : 0;
}
