#include "byte.h"

/* index of the first c in s[0..n), or n */
unsigned int byte_chr(const char *s,unsigned int n,int c)
{
  unsigned int i;
  char ch = c;

  for (i = 0;i < n;++i) if (s[i] == ch) break;
  return i;
}
