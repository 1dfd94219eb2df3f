#include "byte.h"
#include "str.h"
#include "stralloc.h"

int stralloc_copyb(stralloc *sa,const char *s,unsigned int n)
{
  if (!stralloc_ready(sa,n)) return 0;
  byte_copy(sa->s,n,s);
  sa->len = n;
  return 1;
}

int stralloc_copys(stralloc *sa,const char *s)
{
  return stralloc_copyb(sa,s,str_len(s));
}

int stralloc_copy(stralloc *sa,const stralloc *t)
{
  return stralloc_copyb(sa,t->s,t->len);
}
