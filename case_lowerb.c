#include "case.h"

/* ASCII only: DNS names and header names are ASCII */
void case_lowerb(char *s,unsigned int n)
{
  while (n) {
    if (*s >= 'A' && *s <= 'Z') *s += 'a' - 'A';
    ++s; --n;
  }
}
