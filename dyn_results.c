#include "byte.h"
#include "dyn.h"

/* the answer of host h of request q, from its marks and counts */
static void result(const struct dyn_req *q,const struct dyn_host *h,struct dyn_result *r)
{
  const struct dyn_count *c = &h->c;

  byte_zero((char *) r,sizeof *r);
  if (!h->ok) r->code = DYN_NOTFQDN;
  else if (h->abuse) r->code = DYN_ABUSE;
  else if (h->ptr) { r->code = DYN_ABUSE; r->why = DYN_WHY_PTR; }
  else if (!h->allowed) { r->code = DYN_NOHOST; r->why = DYN_WHY_NOTYOURS; }
  else if (!c->lines) {
    r->code = DYN_NOHOST;
    /* lines of the other family only: the request has one family */
    if (!c->other) r->why = DYN_WHY_NOLINES;
    else r->why = q->addr.has4 ? DYN_WHY_NOIPV4 : DYN_WHY_NOIPV6;
  }
  else r->code = c->changed ? DYN_GOOD : DYN_NOCHG;
  r->has4 = c->lines4 > 0;
  r->has6 = c->lines6 > 0;
  r->hasold4 = c->hasold4;
  byte_copy(r->old4,4,c->old4);
  r->hasold6 = c->hasold6;
  byte_copy(r->old6,16,c->old6);
  if (r->code != DYN_GOOD || q->mode != DYN_SET) return;
  r->new4 = r->has4 && q->addr.has4 && !(c->hasold4 && byte_equal(c->old4,4,q->addr.ip4));
  r->new6 = r->has6 && q->addr.has6 && !(c->hasold6 && byte_equal(c->old6,16,q->addr.ip6));
}

/* Every host's answer, finished: one per host, in request order; a
   host named twice gets the first one's answer (only the first is
   looked up in a pass). */
void dyn_results(struct dyn_req *q)
{
  struct dyn_host *h = q->h;
  unsigned int i;
  unsigned int j;

  for (i = 0;i < q->nh;++i) {
    for (j = 0;j < i;++j)
      if (h[j].ok && h[i].ok && h[j].name.len == h[i].name.len
          && byte_equal(h[j].name.s,h[i].name.len,h[i].name.s)) break;
    if (j < i) h[i].r = h[j].r;
    else result(q,&h[i],&h[i].r);
  }
}
