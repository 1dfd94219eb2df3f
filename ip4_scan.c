#include "ip4.h"

/* Canonical dotted quad only: four decimal numbers 0..255, no sign, no
   leading zero, no hex or octal, nothing before or after. Anything a
   resolver might read another way (127.1, 0x7f.0.0.1, 010.0.0.1) is
   refused. Returns len and fills ip[4] on success, 0 otherwise. */
unsigned int ip4_scan(const char *s,unsigned int len,char *ip)
{
  unsigned int i = 0;
  unsigned int part;
  unsigned int digits;
  unsigned int u;

  for (part = 0;part < 4;++part) {
    if (part) {
      if (i >= len || s[i] != '.') return 0;
      ++i;
    }
    u = 0;
    digits = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
      if (digits && u == 0) return 0; /* leading zero */
      u = u * 10 + (s[i] - '0');
      if (u > 255) return 0;
      ++digits;
      ++i;
    }
    if (!digits) return 0;
    ip[part] = (char) u;
  }
  if (i != len) return 0;
  return len;
}
