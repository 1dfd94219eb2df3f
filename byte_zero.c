#include "byte.h"

void byte_zero(char *s,unsigned int n)
{
  volatile char *v = s; /* also used to wipe secrets: keep the stores */
  while (n) { *v++ = 0; --n; }
}
