#include <errno.h>
#include <time.h>
#include "alloc.h"
#include "byte.h"
#include "stralloc.h"
#include "datadir.h"
#include "rate.h"
#include "dyn.h"

static stralloc fn;
static struct rate_key *k;  /* the keys, as rate_update takes them */
static struct key {
  stralloc txt;             /* _acme-challenge.HOST */
  struct dyn_host *h;       /* the first host of the key */
  struct dyn_req *q;        /* and its request */
} *kx;
static unsigned int room;   /* of k and kx: the batch's hosts */

/* room for n keys; 0 if out of memory */
static int ready(unsigned int n)
{
  unsigned int i;

  if (n <= room) return 1;
  if (!alloc_re((char **) &k,room * sizeof *k,n * sizeof *k)) return 0;
  if (!alloc_re((char **) &kx,room * sizeof *kx,n * sizeof *kx)) return 0;
  for (i = room;i < n;++i) byte_zero((char *) &kx[i],sizeof kx[i]);
  room = n;
  return 1;
}

/* Abuse limits of the requests of batch b, under the data lock, in the
   rate file DATA.abuse (data is DATA); a host name belongs to one
   request of a batch only. Before writing (record 0): every host about
   to change that changed less than mininterval seconds ago, or perhour
   times in its hour, is marked abuse and left out (not allowed). After
   writing (record 1): counts a change for every host that changed.
   Returns how many hosts it marked (record 0), 0 (record 1), or -1 on
   error. ACME challenge changes (DYN_TXT) are counted apart, as
   _acme-challenge.HOST, so they take nothing from the host's address
   changes, and only by the hour: certbot adds two values and removes
   them a moment apart. Limits: the batch's. Clock: now, not
   a request's: a leader's own request may have been read seconds
   before entries that were counted meanwhile. */
int dyn_abuse(struct dyn_batch *b,const char *data,int record)
{
  const struct dyn_limits *lim = &b->limits;
  unsigned long now = (unsigned long) time(0);
  struct dyn_req *q;
  struct dyn_host *h;
  unsigned int n = 0;
  unsigned int i;
  unsigned int j;
  unsigned int x;
  int marked = 0;
  int txt;

  if (!lim->perhour && !lim->mininterval) return 0;
  if (!ready(b->nh)) return -1;
  for (x = 0;x < b->n;++x) {
    q = b->r[x];
    txt = q->mode == DYN_TXT;
    if (!lim->perhour && txt) continue;
    for (i = 0;i < q->nh;++i) {
      h = &q->h[i];
      if (!h->c.changed || !h->allowed) continue;
      for (j = 0;j < i;++j)
        if (q->h[j].name.len == h->name.len && byte_equal(q->h[j].name.s,h->name.len,h->name.s)) break;
      if (j < i) continue; /* named twice: one key */
      if (n == room) { errno = EINVAL; return -1; } /* cannot be: the batch has no more */
      k[n].s = h->name.s;
      k[n].len = h->name.len;
      if (txt) {
        if (!stralloc_copys(&kx[n].txt,DYN_ACME)) return -1;
        if (!stralloc_catb(&kx[n].txt,h->name.s,h->name.len)) return -1;
        k[n].s = kx[n].txt.s;
        k[n].len = kx[n].txt.len;
      }
      k[n].bump = record;
      kx[n].h = h;
      kx[n].q = q;
      ++n;
    }
  }
  if (!n) return 0;
  if (!datadir_name(&fn,data,DATADIR_ABUSE)) return -1;
  if (rate_update(fn.s,k,n,now,3600,record) == -1) return -1;
  if (record) return 0;
  for (j = 0;j < n;++j) {
    if (!k[j].count) continue;
    txt = kx[j].q->mode == DYN_TXT;
    /* a last change after now (the clock went back) was just now */
    if ((lim->mininterval && !txt && (k[j].last > now || now - k[j].last < lim->mininterval))
        || (lim->perhour && k[j].count >= lim->perhour)) {
      q = kx[j].q;
      for (i = 0;i < q->nh;++i)
        if (q->h[i].ok && q->h[i].name.len == kx[j].h->name.len
            && byte_equal(q->h[i].name.s,q->h[i].name.len,kx[j].h->name.s)) {
          q->h[i].abuse = 1;
          q->h[i].allowed = 0;
        }
      ++marked;
    }
  }
  return marked;
}
