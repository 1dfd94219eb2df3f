#include "byte.h"

/* index of the last c in s[0..n), or n */
unsigned int byte_rchr(const char *s,unsigned int n,int c)
{
  unsigned int i;
  unsigned int u = n;
  char ch = c;

  for (i = 0;i < n;++i) if (s[i] == ch) u = i;
  return u;
}
