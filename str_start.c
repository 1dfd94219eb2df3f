#include "str.h"

/* 1 if s begins with t */
int str_start(const char *s,const char *t)
{
  for (;;) {
    if (!*t) return 1;
    if (*s != *t) return 0;
    ++s; ++t;
  }
}
