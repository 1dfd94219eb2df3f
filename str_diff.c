#include "str.h"

int str_diff(const char *s,const char *t)
{
  for (;;) {
    if (*s != *t) return (int) (unsigned char) *s - (int) (unsigned char) *t;
    if (!*s) return 0;
    ++s; ++t;
  }
}
