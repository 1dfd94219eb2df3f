#include "byte.h"
#include "case.h"
#include "dnsname.h"
#include "auth.h"

/* 1 if a user with this domain list may update host (lower case, no
   trailing dot). An empty list allows every host; otherwise the host
   must be in the comma-separated list, compared whole and without case:
   "example.com" grants neither "evilexample.com" nor "a.example.com". */
int auth_allows(const stralloc *domains,const char *host,unsigned int hlen)
{
  unsigned int i = 0;
  unsigned int j;
  unsigned int len;
  const char *d;

  if (!domains->len) return 1;
  while (i <= domains->len) {
    j = i + byte_chr(domains->s + i,domains->len - i,',');
    d = domains->s + i;
    len = dnsname_strip(d,j - i);
    while (len && (*d == ' ')) { ++d; --len; }
    while (len && d[len - 1] == ' ') --len;
    len = dnsname_strip(d,len);
    if (len && len == hlen && case_equalb(d,len,host)) return 1;
    i = j + 1;
  }
  return 0;
}
