#include "byte.h"

/* 1 if equal. Time depends on the lengths only, never on where the
   contents differ: used for password hashes. */
int byte_equal_ct(const char *s,unsigned int slen,const char *t,unsigned int tlen)
{
  unsigned int i;
  unsigned int n = slen > tlen ? slen : tlen;
  unsigned char d = (slen != tlen);
  unsigned char a, b;

  for (i = 0;i < n;++i) {
    a = i < slen ? s[i] : 0;
    b = i < tlen ? t[i] : 0;
    d |= a ^ b;
  }
  return d == 0;
}
