#include "scan.h"

/* decimal digits; stops before a digit that would overflow */
unsigned int scan_ulong(const char *s,unsigned long *u)
{
  unsigned int pos = 0;
  unsigned long result = 0;
  unsigned long c;

  while ((c = (unsigned char) (s[pos] - '0')) < 10) {
    if (result > ((unsigned long) -1 - c) / 10) break;
    result = result * 10 + c;
    ++pos;
  }
  *u = result;
  return pos;
}
