#include "case.h"
#include "dnsname.h"

/* length without one trailing dot */
unsigned int dnsname_strip(const char *s,unsigned int len)
{
  if (len && s[len - 1] == '.') --len;
  return len;
}

/* A host name we are willing to look for and to write next to: labels
   of letters, digits and inner hyphens, 1..63 bytes each, at least two
   labels, at most 253 bytes without the optional trailing dot. out gets
   the name in lower case without the dot. 1 if valid, 0 if not (or out
   of memory, with errno set to ENOMEM). */
int dnsname_fqdn(stralloc *out,const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int label = 0;
  unsigned int dots = 0;
  char c;

  len = dnsname_strip(s,len);
  if (!len || len > DNSNAME_MAX) return 0;
  for (i = 0;i < len;++i) {
    c = s[i];
    if (c == '.') {
      if (!label || s[i - 1] == '-') return 0;
      label = 0;
      ++dots;
      continue;
    }
    if (c == '-') { if (!label) return 0; }
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return 0;
    if (++label > DNSLABEL_MAX) return 0;
  }
  if (!label || s[len - 1] == '-') return 0;
  if (!dots) return 0;
  if (!stralloc_copyb(out,s,len)) return 0;
  case_lowerb(out->s,out->len);
  return 1;
}
