#include "byte.h"
#include "case.h"
#include "dnsname.h"
#include "dyn.h"

/* If s[0..len) is a "+name:ip...", "=name:ip..." or "+*.name:ip..." line
   of one of the hosts this request may touch, out gets the line with
   its address field replaced and every other byte kept, and the host's
   index is returned. Otherwise -1 and out is not used; -2 if out of
   memory. */
int dyn_line(const char *s,unsigned int len,struct dyn_host *h,unsigned int nh,const struct dyn_addr *a,stralloc *out)
{
  const char *name;
  unsigned int namelen;
  unsigned int colon;
  unsigned int ipend;
  unsigned int body;
  unsigned int i;

  if (!len || (s[0] != '+' && s[0] != '=')) return -1;
  body = len;
  if (s[body - 1] == '\n') --body;
  if (body && s[body - 1] == '\r') --body;
  colon = byte_chr(s,body,':');
  name = s + 1;
  namelen = colon - 1;
  if (s[0] == '+' && namelen >= 2 && name[0] == '*' && name[1] == '.') {
    name += 2;
    namelen -= 2;
  }
  namelen = dnsname_strip(name,namelen);
  for (i = 0;i < nh;++i) {
    if (!h[i].ok || !h[i].allowed) continue;
    if (h[i].name.len == namelen && case_equalb(name,namelen,h[i].name.s)) break;
  }
  if (i == nh) return -1;

  if (colon == body) {
    /* "+name" with no address: tinydns-data reads 0.0.0.0; give it one */
    if (!stralloc_copyb(out,s,body)) return -2;
    if (!stralloc_append(out,':')) return -2;
    ipend = body;
  }
  else {
    ipend = colon + 1 + byte_chr(s + colon + 1,body - colon - 1,':');
    if (!stralloc_copyb(out,s,colon + 1)) return -2;
  }
  if (!stralloc_catb(out,a->text4,a->len4)) return -2;
  if (!stralloc_catb(out,s + ipend,len - ipend)) return -2;
  return i;
}
