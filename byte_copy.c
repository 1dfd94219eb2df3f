#include <string.h>
#include "byte.h"

/* overlapping is allowed (to < from or to > from) */
void byte_copy(char *to,unsigned int n,const char *from)
{
  if (n) memmove(to,from,n);
}
