#include "byte.h"

void byte_copy(char *to,unsigned int n,const char *from)
{
  while (n) { *to++ = *from++; --n; }
}
