#include <stdlib.h>
#include <errno.h>
#include "alloc.h"

char *alloc(unsigned int n)
{
  char *x;

  if (n > ALLOC_MAX) { errno = ENOMEM; return 0; }
  x = malloc(n ? n : 1);
  if (!x) errno = ENOMEM;
  return x;
}

void alloc_free(char *x)
{
  free(x);
}

/* grow *x from m to n bytes; 1 on success, 0 on failure (x unchanged) */
int alloc_re(char **x,unsigned int m,unsigned int n)
{
  char *y;
  unsigned int i;

  y = alloc(n);
  if (!y) return 0;
  for (i = 0;i < m && i < n;++i) y[i] = (*x)[i];
  alloc_free(*x);
  *x = y;
  return 1;
}
