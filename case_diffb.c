#include "case.h"

int case_diffb(const char *s,unsigned int n,const char *t)
{
  unsigned char x, y;

  while (n) {
    x = *s++; y = *t++;
    if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
    if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
    if (x != y) return (int) x - (int) y;
    --n;
  }
  return 0;
}
