#include "alloc.h"
#include "stralloc.h"

/* room for n bytes; 1 on success, 0 on failure (ENOMEM, also when n
   would pass ALLOC_MAX) */
int stralloc_ready(stralloc *sa,unsigned int n)
{
  unsigned int want;

  if (sa->s && n <= sa->a) return 1;
  if (n > ALLOC_MAX) return alloc(n) != 0; /* sets errno */
  want = n + (n >> 3) + 30;
  if (want > ALLOC_MAX) want = ALLOC_MAX;
  if (!sa->s) {
    sa->s = alloc(want);
    if (!sa->s) return 0;
    sa->len = 0;
  }
  else if (!alloc_re(&sa->s,sa->len,want)) return 0;
  sa->a = want;
  return 1;
}

int stralloc_readyplus(stralloc *sa,unsigned int n)
{
  unsigned int have = sa->s ? sa->len : 0;
  if (n > ALLOC_MAX - have) return stralloc_ready(sa,ALLOC_MAX + 1);
  return stralloc_ready(sa,have + n);
}
