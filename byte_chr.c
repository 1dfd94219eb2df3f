#include <string.h>
#include "byte.h"

/* index of the first c in s[0..n), or n */
unsigned int byte_chr(const char *s,unsigned int n,int c)
{
  const char *t;

  if (!n) return 0;
  t = memchr(s,c,n); /* the C library's is vectorised: data files are long */
  return t ? (unsigned int) (t - s) : n;
}
