#include "byte.h"
#include "str.h"
#include "stralloc.h"

int stralloc_catb(stralloc *sa,const char *s,unsigned int n)
{
  if (!stralloc_readyplus(sa,n)) return 0;
  byte_copy(sa->s + sa->len,n,s);
  sa->len += n;
  return 1;
}

int stralloc_cats(stralloc *sa,const char *s)
{
  return stralloc_catb(sa,s,str_len(s));
}

int stralloc_cat(stralloc *sa,const stralloc *t)
{
  return stralloc_catb(sa,t->s,t->len);
}

int stralloc_append(stralloc *sa,char c)
{
  return stralloc_catb(sa,&c,1);
}
