#include "fmt.h"

/* decimal; s may be 0 to measure */
unsigned int fmt_ulong(char *s,unsigned long u)
{
  unsigned int len = 1;
  unsigned long q = u;

  while (q > 9) { ++len; q /= 10; }
  if (s) {
    s += len;
    do { *--s = '0' + (u % 10); u /= 10; } while (u);
  }
  return len;
}
