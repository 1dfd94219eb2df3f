#include "byte.h"
#include "case.h"
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

/* the request's host named name[0..len) (no "*.", case ignored), if
   the user may update it; -1 if none */
static int host(const struct dyn_req *q,const char *name,unsigned int len)
{
  unsigned int i;

  len = dnsname_strip(name,len);
  for (i = 0;i < q->nh;++i)
    if (q->h[i].ok && q->h[i].allowed && q->h[i].name.len == len
        && case_equalb(name,len,q->h[i].name.s)) return i;
  return -1;
}

/* The one place that knows which data lines a request may change.
   s[0..len) is a line of the data file (with its newline, if it has
   one). Returns 0 if it stays as it is, 1 if it becomes out (empty: it
   goes), -1 if out of memory. Counts each host's lines in q->h.
   Address lines of the request's hosts, of a family the request has:
     +name:ip  =name:ip  +*.name:ip                 IPv4, dotted quad
     :name:28:rdata  :*.name:28:rdata               IPv6, \ooo escapes
     6name:hex  3name:hex  3*.name:hex              IPv6, 32 hex digits
   Only the address field changes; every other byte is kept. A line
   whose address field is missing or empty publishes nothing, so it is
   not an address line: the host stays nohost. An IPv6 field that
   already holds the address is left as it is written. An = or 6 line
   that changes is counted apart (ptr4, ptr6): it publishes a PTR too,
   which dyn_ptr may refuse. ACME challenge lines: dyn_txtline. */
int dyn_line(struct dyn_req *q,const char *s,unsigned int len,stralloc *out)
{
  char old[16];
  char text[IP6_FMT_OCTAL];
  unsigned int colon;
  unsigned int field;
  unsigned int fieldend;
  unsigned int body;
  unsigned int name;
  unsigned int n;
  int family;
  int wild;
  int i;
  struct dyn_host *h;

  if (!len) return 0;
  switch (s[0]) {
    case '+': family = 4; wild = 1; break;
    case '=': family = 4; wild = 0; break; /* =*. would publish a PTR */
    case ':': family = 6; wild = 1; break;
    case '3': family = 6; wild = 1; break;
    case '6': family = 6; wild = 0; break;
    case '\'':
      i = dyn_txtline(q,s,len);
      if (i == 1) out->len = 0;
      return i;
    default: return 0;
  }
  if (q->mode == DYN_SET && (family == 4 ? !q->addr.has4 : !q->addr.has6)) return 0;
  body = len;
  if (s[body - 1] == '\n') --body;
  if (body && s[body - 1] == '\r') --body;
  colon = 1 + byte_chr(s + 1,body - 1,':');
  name = 1;
  if (wild && colon >= 3 && s[1] == '*' && s[2] == '.') name = 3;
  i = host(q,s + name,colon - name);
  if (i == -1) return 0;
  h = &q->h[i];

  if (s[0] == ':') {
    if (colon == body) return 0;
    n = byte_chr(s + colon + 1,body - colon - 1,':');
    if (!isaaaa(s + colon + 1,n)) return 0;
    colon += 1 + n; /* the address field follows the type */
  }
  if (colon == body) return 0;
  field = colon + 1;
  fieldend = field + byte_chr(s + field,body - field,':');
  if (fieldend == field) return 0;

  ++h->lines;
  if (family == 4) ++h->lines4; else ++h->lines6;
  if (q->mode != DYN_SET) return 0;

  if (family == 4) {
    if (fieldend - field == q->addr.len4 && byte_equal(s + field,q->addr.len4,q->addr.text4)) return 0;
    if (s[0] == '=') ++h->ptr4;
    if (!stralloc_copyb(out,s,field)) return -1;
    if (!stralloc_catb(out,q->addr.text4,q->addr.len4)) return -1;
  }
  else {
    /* the old address as tinydns-data reads the field: it drops
       spaces, tabs and newlines at the end of a line, but keeps a CR */
    n = len;
    while (n > field && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n')) --n;
    n = byte_chr(s + field,n - field,':');
    if (s[0] == ':' ? ip6_scan_octal(s + field,n,old) : ip6_scan_hex(s + field,n,old))
      if (byte_equal(old,16,q->addr.ip6)) return 0;
    if (s[0] == '6') ++h->ptr6;
    n = s[0] == ':' ? ip6_fmt_octal(text,q->addr.ip6) : ip6_fmt_hex(text,q->addr.ip6);
    if (!stralloc_copyb(out,s,field)) return -1;
    if (!stralloc_catb(out,text,n)) return -1;
  }
  if (!stralloc_catb(out,s + fieldend,len - fieldend)) return -1;
  ++h->changed;
  return 1;
}
