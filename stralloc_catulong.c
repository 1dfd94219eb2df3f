#include "fmt.h"
#include "stralloc.h"

int stralloc_catulong(stralloc *sa,unsigned long u)
{
  char num[FMT_ULONG];
  return stralloc_catb(sa,num,fmt_ulong(num,u));
}
