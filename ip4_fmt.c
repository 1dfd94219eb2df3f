#include "fmt.h"
#include "ip4.h"

/* dotted quad; s may be 0 to measure */
unsigned int ip4_fmt(char *s,const char *ip)
{
  unsigned int len = 0;
  unsigned int i;
  unsigned int n;

  for (i = 0;i < 4;++i) {
    if (i) { if (s) *s++ = '.'; ++len; }
    n = fmt_ulong(s,(unsigned long) (unsigned char) ip[i]);
    len += n;
    if (s) s += n;
  }
  return len;
}
