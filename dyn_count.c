#include "dyn.h"

/* A TXT request may change the challenge values of a host only if the
   user may update it and it has address lines: known after a first
   pass. Returns how many hosts it marks. */
static unsigned int txtmark(struct dyn_batch *b)
{
  struct dyn_req *q;
  unsigned int i;
  unsigned int k;
  unsigned int n = 0;

  for (k = 0;k < b->n;++k)
    for (q = b->r[k],i = 0;i < q->nh;++i) {
      q->h[i].txt = q->mode == DYN_TXT && q->h[i].ok && q->h[i].allowed && q->h[i].lines;
      if (q->h[i].txt) ++n;
    }
  return n;
}

/* The counting pass of batch b over the data file fd (dyn_pass, fdout
   -1), twice if it has TXT requests: their hosts are marked after the
   first. The same for a look and for a rewrite. Returns what dyn_pass
   returns. With e->stop, only the first pass may stop (2: something
   changes; dyn_pass clears e->stop): the next count with e then goes
   on with it, and makes the second in full. */
int dyn_count(struct dyn_batch *b,int fd,struct dyn_edits *e)
{
  unsigned int i;
  unsigned int k;
  int r;

  if (!e->next)
    for (k = 0;k < b->n;++k)
      for (i = 0;i < b->r[k]->nh;++i) b->r[k]->h[i].txt = 0;
  r = dyn_pass(b,fd,-1,e);
  if (r != -1 && r != 2 && txtmark(b)) r = dyn_pass(b,fd,-1,e);
  return r;
}
