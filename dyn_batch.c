#include "alloc.h"
#include "byte.h"
#include "case.h"
#include "dyn.h"

/* A batch: the requests one rewrite applies, with an index from host
   name to request, so that a pass looks each line's name up once, how
   many requests there are. */

/* cheap, for every line of the file: the length and the first and
   last 8 bytes, with ASCII letters folded to lower case (| 0x20 changes
   no other byte a host name has) */
static unsigned int hash(const char *s,unsigned int len)
{
  unsigned long long a = 0;
  unsigned long long z = 0;
  unsigned long long h;
  unsigned int i;

  if (len >= 8) {
    byte_copy((char *) &a,8,s);
    byte_copy((char *) &z,8,s + len - 8);
  }
  else
    for (i = 0;i < len;++i) a = (a << 8) | (unsigned char) s[i];
  a |= 0x2020202020202020ULL;
  z |= 0x2020202020202020ULL;
  h = (a * 0x9e3779b97f4a7c15ULL) ^ (z * 0xc2b2ae3d27d4eb4fULL) ^ len;
  return (unsigned int) (h >> 32) ^ (unsigned int) h;
}

static void key(struct dyn_batch *b,const char *s)
{
  unsigned int x = dyn_filterbit(s);
  b->filter[x >> 3] |= (unsigned char) (1 << (x & 7));
}

/* b emptied, with room for maxreq requests and maxhosts hosts in
   them: its tables are sized by what it will hold (a look has one
   request), kept and grown as needed. 1, or 0 if out of memory. */
int dyn_batch_start(struct dyn_batch *b,unsigned int maxreq,unsigned int maxhosts)
{
  unsigned int slots = 16;
  unsigned int i;

  if (maxreq > DYN_BATCHMAX) maxreq = DYN_BATCHMAX;
  if (maxhosts > DYN_BATCHHOSTS) maxhosts = DYN_BATCHHOSTS;
  while (slots < 2 * maxhosts) slots *= 2;
  if (maxreq > b->max) {
    if (!alloc_re((char **) &b->r,0,maxreq * sizeof *b->r)) return 0;
    b->max = maxreq;
  }
  if (slots > b->slots) {
    if (!alloc_re((char **) &b->ix,0,slots * sizeof *b->ix)) return 0;
    b->slots = slots;
  }
  b->maxhosts = maxhosts;
  b->n = 0;
  b->nh = 0;
  b->unfiltered = 0;

  /* no secrets here: not byte_zero, whose stores are kept one by one */
  for (i = 0;i < b->slots;++i) b->ix[i] = 0;
  for (i = 0;i < DYN_FILTER / 8;++i) b->filter[i] = 0;
  key(b,DYN_ACME); /* its first 8 bytes */
  return 1;
}

/* the slot of name in b's index: holding it, or the empty one where it
   would go */
static unsigned int slot(const struct dyn_batch *b,const char *name,unsigned int len)
{
  unsigned int i = hash(name,len) & (b->slots - 1);
  unsigned int x;
  const struct dyn_host *h;

  while ((x = b->ix[i])) {
    --x;
    h = &b->r[x / DYN_HOSTMAX]->h[x % DYN_HOSTMAX];
    if (h->name.len == len && case_equalb(name,len,h->name.s)) return i;
    i = (i + 1) & (b->slots - 1);
  }
  return i;
}

/* the request of b that may update the host name[0..len) (case
   ignored), or 0 */
struct dyn_req *dyn_batch_find(const struct dyn_batch *b,const char *name,unsigned int len)
{
  unsigned int x = b->ix[slot(b,name,len)];
  return x ? b->r[(x - 1) / DYN_HOSTMAX] : 0;
}

static int indexed(const struct dyn_host *h)
{
  return h->ok && h->allowed;
}

/* Adds q to b: 1 if added, 0 if b is full or one of q's hosts belongs
   to a request already in b (it waits for the next rewrite). The
   index: request k's host i is 1 + k * DYN_HOSTMAX + i. */
int dyn_batch_add(struct dyn_batch *b,struct dyn_req *q)
{
  unsigned int i;
  unsigned int n = 0;
  unsigned int s;
  char wild[8];

  if (b->n == b->max) return 0;
  for (i = 0;i < q->nh;++i)
    if (indexed(&q->h[i])) {
      if (dyn_batch_find(b,q->h[i].name.s,q->h[i].name.len)) return 0;
      ++n;
    }
  if (b->nh + n > b->maxhosts) return 0;
  b->r[b->n] = q;
  for (i = 0;i < q->nh;++i) {
    if (!indexed(&q->h[i])) continue;
    s = slot(b,q->h[i].name.s,q->h[i].name.len);
    if (b->ix[s]) continue; /* named twice in q: the first one */
    b->ix[s] = 1 + b->n * DYN_HOSTMAX + i;
    ++b->nh;
    if (q->h[i].name.len < 8) { b->unfiltered = 1; continue; }
    key(b,q->h[i].name.s);
    wild[0] = '*'; wild[1] = '.';
    byte_copy(wild + 2,6,q->h[i].name.s);
    key(b,wild);
  }
  ++b->n;
  return 1;
}
