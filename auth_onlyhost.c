#include "byte.h"
#include "dnsname.h"
#include "auth.h"

/* If the domain list domains (as auth_allows reads it: names separated
   by commas, spaces around them and a trailing dot ignored) names
   exactly one host, 1 and that name in host (as written, without the
   spaces and the dot); else 0: an empty list (every host), or several.
   -1 if out of memory. */
int auth_onlyhost(const stralloc *domains,stralloc *host)
{
  unsigned int i = 0;
  unsigned int j;
  unsigned int len;
  const char *d;
  int n = 0;

  while (i <= domains->len) {
    j = i + byte_chr(domains->s + i,domains->len - i,',');
    d = domains->s + i;
    len = j - i;
    while (len && *d == ' ') { ++d; --len; }
    while (len && d[len - 1] == ' ') --len;
    len = dnsname_strip(d,len);
    if (len) {
      if (++n > 1) return 0;
      if (!stralloc_copyb(host,d,len)) return -1;
    }
    i = j + 1;
  }
  return n;
}
