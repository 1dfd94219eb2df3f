#include "byte.h"

/* <0, 0, >0 like memcmp, comparing bytes as unsigned */
int byte_diff(const char *s,unsigned int n,const char *t)
{
  while (n) {
    if (*s != *t) return (int) (unsigned char) *s - (int) (unsigned char) *t;
    ++s; ++t; --n;
  }
  return 0;
}
