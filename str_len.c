#include "str.h"

unsigned int str_len(const char *s)
{
  const char *t = s;
  while (*t) ++t;
  return t - s;
}
