#include "logline.h"

/* Appends client-supplied bytes for a log line: printable ASCII as it
   is, every other byte (and '\\') as \ooo, so a client can neither end
   the line nor fake another one; at most LOGLINE_FIELDMAX input bytes,
   then "...". 1 on success, 0 if out of memory. */
int logline_safe(stralloc *sa,const char *s,unsigned int len)
{
  unsigned int i;
  unsigned char c;
  char oct[4];

  for (i = 0;i < len && i < LOGLINE_FIELDMAX;++i) {
    c = s[i];
    if (c > 32 && c < 127 && c != '\\') {
      if (!stralloc_append(sa,c)) return 0;
      continue;
    }
    oct[0] = '\\';
    oct[1] = '0' + (c >> 6);
    oct[2] = '0' + ((c >> 3) & 7);
    oct[3] = '0' + (c & 7);
    if (!stralloc_catb(sa,oct,4)) return 0;
  }
  if (i < len) return stralloc_cats(sa,"...");
  return 1;
}
