#include "byte.h"
#include "case.h"
#include "scan.h"
#include "dnsname.h"
#include "dyn.h"

/* the type field of a generic line: tinydns-data takes the leading
   digits and ignores the rest */
static int isaaaa(const char *s,unsigned int len)
{
  unsigned int i;
  unsigned long u = 0;

  for (i = 0;i < len && s[i] >= '0' && s[i] <= '9';++i) {
    u = u * 10 + (s[i] - '0');
    if (u > 28) return 0;
  }
  return i && u == 28;
}

/* If s[0..len) is an address line of one of the hosts this request may
   touch, of a family the request has, out gets the line with its
   address field replaced and every other byte kept, *family is 4 or 6,
   and the host's index is returned. Otherwise -1 and out is not used;
   -2 if out of memory. The lines:
     +name:ip  =name:ip  +*.name:ip                 IPv4, dotted quad
     :name:28:rdata  :*.name:28:rdata               IPv6, \ooo escapes
     6name:hex  3name:hex  3*.name:hex              IPv6, 32 hex digits
   An IPv6 field that already holds the address is left as it is, in
   whatever form it was written. */
int dyn_line(const char *s,unsigned int len,struct dyn_host *h,unsigned int nh,const struct dyn_addr *a,stralloc *out,int *family)
{
  char old[16];
  char text[IP6_FMT_OCTAL];
  const char *name;
  unsigned int namelen;
  unsigned int colon;
  unsigned int field;
  unsigned int fieldend;
  unsigned int body;
  unsigned int n;
  unsigned int i;
  int wild;
  int decoded;

  if (!len) return -1;
  switch (s[0]) {
    case '+': *family = 4; wild = 1; break;
    case '=': *family = 4; wild = 0; break;
    case ':': *family = 6; wild = 1; break;
    case '3': *family = 6; wild = 1; break;
    case '6': *family = 6; wild = 0; break;
    default: return -1;
  }
  if (*family == 4 ? !a->has4 : !a->has6) return -1;
  body = len;
  if (s[body - 1] == '\n') --body;
  if (body && s[body - 1] == '\r') --body;
  colon = 1 + byte_chr(s + 1,body - 1,':');
  name = s + 1;
  namelen = colon - 1;
  if (wild && namelen >= 2 && name[0] == '*' && name[1] == '.') {
    name += 2;
    namelen -= 2;
  }
  namelen = dnsname_strip(name,namelen);
  for (i = 0;i < nh;++i) {
    if (!h[i].ok || !h[i].allowed) continue;
    if (h[i].name.len == namelen && case_equalb(name,namelen,h[i].name.s)) break;
  }
  if (i == nh) return -1;

  if (s[0] == ':') {
    if (colon == body) return -1;
    n = byte_chr(s + colon + 1,body - colon - 1,':');
    if (!isaaaa(s + colon + 1,n)) return -1;
    colon += 1 + n; /* the address field follows the type */
  }

  if (a->keep) {
    if (!stralloc_copyb(out,s,len)) return -2;
    return i;
  }
  if (colon == body) {
    /* no address field: tinydns-data reads 0.0.0.0 (or empty rdata); give it one */
    if (!stralloc_copyb(out,s,body)) return -2;
    if (!stralloc_append(out,':')) return -2;
    field = fieldend = body;
  }
  else {
    field = colon + 1;
    fieldend = field + byte_chr(s + field,body - field,':');
    if (!stralloc_copyb(out,s,field)) return -2;
  }

  if (*family == 4) {
    if (!stralloc_catb(out,a->text4,a->len4)) return -2;
    if (!stralloc_catb(out,s + fieldend,len - fieldend)) return -2;
    return i;
  }

  /* the old address as tinydns-data reads the field: it drops spaces,
     tabs and newlines at the end of a line, but keeps a CR */
  n = len;
  while (n > field && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n')) --n;
  n = byte_chr(s + field,n - field,':');
  decoded = s[0] == ':' ? ip6_scan_octal(s + field,n,old) : ip6_scan_hex(s + field,n,old);
  if (decoded && byte_equal(old,16,a->ip6))
    fieldend = field; /* keep it as it is written */
  else {
    n = s[0] == ':' ? ip6_fmt_octal(text,a->ip6) : ip6_fmt_hex(text,a->ip6);
    if (!stralloc_catb(out,text,n)) return -2;
  }
  if (!stralloc_catb(out,s + fieldend,len - fieldend)) return -2;
  return i;
}
