#include "scan.h"
#include "urldecode.h"

/* Query-string decoding: %xx in either case, '+' is a space. A '%' not
   followed by two hex digits is kept as it is; the validation that
   follows refuses it. Output is never longer than input. */
int urldecode(stralloc *out,const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int hi, lo;
  char c;

  if (!stralloc_ready(out,len)) return 0;
  out->len = 0;
  for (i = 0;i < len;++i) {
    c = s[i];
    if (c == '+') c = ' ';
    else if (c == '%' && i + 2 < len) {
      hi = scan_xdigit(s[i + 1]);
      lo = scan_xdigit(s[i + 2]);
      if (hi < 16 && lo < 16) { c = (char) (hi * 16 + lo); i += 2; }
    }
    out->s[out->len++] = c;
  }
  return 1;
}
