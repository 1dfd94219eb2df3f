#include <errno.h>
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

static int nomem(void)
{
  errno = ENOMEM;
  return -1;
}

/* The name a data line is about, if it is of a form tinydnsdyn may
   change: *start and *len get its span in s, without the "*." of a
   wildcard that may be rewritten (+*. :*. 3*.), without the prefix of
   an ACME challenge line, without a trailing dot. 1 if so, 0 if the
   line is of no such form. The one rule for names, used to find a
   line's host (dyn_line) and a line's request in a batch (dyn_pass). */
int dyn_linename(const char *s,unsigned int len,unsigned int *start,unsigned int *n)
{
  unsigned int colon;
  unsigned int i = 1;

  if (!len) return 0;
  switch (s[0]) {
    case '+': case ':': case '3':
      if (len >= 3 && s[1] == '*' && s[2] == '.') i = 3;
      break;
    case '=': case '6': /* =*. and 6*. would publish a PTR */
      break;
    case '\'':
      if (len < 1 + DYN_ACMELEN || !case_equalb(s + 1,DYN_ACMELEN,DYN_ACME)) return 0;
      i = 1 + DYN_ACMELEN;
      break;
    default: return 0;
  }
  colon = i + byte_chr(s + i,len - i,':');
  if (colon == len) return 0; /* a name alone: nothing to change */
  *start = i;
  *n = dnsname_strip(s + i,colon - i);
  return 1;
}

/* the request's host named s[start..start+n), if the user may update
   it; -1 if none */
static int host(const struct dyn_req *q,const char *name,unsigned int len)
{
  unsigned int i;

  for (i = 0;i < q->nh;++i)
    if (q->h[i].ok && q->h[i].allowed && q->h[i].name.len == len
        && case_equalb(name,len,q->h[i].name.s)) return i;
  return -1;
}

/* new = the request's IPv6 address; or, for a prefix, its top bits
   and the rest of old (the line's interface identifier) */
static void addr6(const struct dyn_addr *a,const char *old,char *new)
{
  unsigned int i;
  unsigned int bits;
  unsigned char mask;

  for (i = 0;i < 16;++i) {
    bits = a->prefix6 > i * 8 ? a->prefix6 - i * 8 : 0;
    if (!a->prefix6 || bits >= 8) mask = 0xff;
    else mask = (unsigned char) (0xff << (8 - bits)); /* 0 when bits is 0 */
    new[i] = (char) ((a->ip6[i] & mask) | (old[i] & ~mask));
  }
}

/* the TTL field of a taken line s[0..len) (its body, without newline
   and CR, ends at body; its address field at fieldend) at most ttl,
   appended with the rest of the line and a newline to out */
static int lowered(stralloc *out,const char *s,unsigned int len,unsigned int fieldend,unsigned int body,unsigned long ttl)
{
  unsigned long t = 0;
  unsigned int i;
  unsigned int end;
  int keep;

  if (!stralloc_catb(out,s,fieldend) || !stralloc_append(out,':')) return 0;
  i = fieldend < body ? fieldend + 1 : body;
  end = i + byte_chr(s + i,body - i,':');
  /* a number no larger than ttl stays (0 with a timestamp: a time to
     die); anything else, or none (tinydns-data's default), is ttl */
  keep = end > i;
  for (;i < end && keep;++i) {
    if (s[i] < '0' || s[i] > '9' || t > ttl) keep = 0;
    else t = t * 10 + (s[i] - '0');
  }
  if (keep && t <= ttl) { if (!stralloc_catb(out,s + fieldend + 1,end - fieldend - 1)) return 0; }
  else if (!stralloc_catulong(out,ttl)) return 0;
  if (!stralloc_catb(out,s + end,body - end)) return 0;
  (void) len;
  return stralloc_append(out,'\n');
}

/* The one place that knows which data lines a request may change.
   s[0..len) is a line of the data file (with its newline, if it has
   one). Returns 0 if it stays as it is, 1 if it becomes out (empty: it
   goes), -1 on error (errno: out of memory, or data.cdb unreadable).
   Counts each host's lines in its dyn_count.
   Address lines of the request's hosts (dyn_linename):
     +name:ip  =name:ip  +*.name:ip                 IPv4, dotted quad
     :name:28:rdata  :*.name:28:rdata               IPv6, \ooo escapes
     6name:hex  3name:hex  3*.name:hex              IPv6, 32 hex digits
   DYN_SET: only the address field of a line of a family the request
   has changes; every other byte is kept (lines of the other family
   are counted apart). A line whose address field is missing or empty
   publishes nothing, so it is not an address line: the host stays
   nohost. An IPv6 field that already holds the address is left as it
   is written. An IPv6 prefix changes the top bits of each line's
   address and keeps the rest; a line whose address does not read as
   one gets the prefix and zeros. An = or 6 line that changes publishes
   a PTR too: if the address it gets (the request's, or for a prefix
   its own) has its PTR in a zone the served data has, it is counted
   (ptrserved) and dyn_ptr refuses the host. DYN_KEEP, DYN_TXT and
   DYN_ADD change no address line; DYN_DROP drops the host's; DYN_TAKE
   drops them too, appending each to q->add with a TTL of at most
   q->ttl. ACME challenge lines: dyn_txtline. */
int dyn_line(struct dyn_req *q,const char *s,unsigned int len,stralloc *out)
{
  char old[16];
  char new[16];
  char text[IP6_FMT_OCTAL];
  unsigned int colon;
  unsigned int field;
  unsigned int fieldend;
  unsigned int body;
  unsigned int name;
  unsigned int n;
  int family;
  int i;
  struct dyn_host *h;
  struct dyn_count *c;

  if (!len) return 0;
  switch (s[0]) {
    case '+': case '=': family = 4; break;
    case ':': case '3': case '6': family = 6; break;
    case '\'':
      i = dyn_txtline(q,s,len);
      if (i == 1) out->len = 0;
      return i;
    default: return 0;
  }
  body = len;
  if (s[body - 1] == '\n') --body;
  if (body && s[body - 1] == '\r') --body;
  if (!dyn_linename(s,body,&name,&n)) return 0;
  i = host(q,s + name,n);
  if (i == -1) return 0;
  h = &q->h[i];
  c = &h->c;
  colon = 1 + byte_chr(s + 1,body - 1,':');

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

  if (q->mode == DYN_SET && (family == 4 ? !q->addr.has4 : !q->addr.has6)) {
    ++c->other;
    return 0;
  }
  ++c->lines;
  if (family == 4) ++c->lines4; else ++c->lines6;
  if (family == 6) {
    /* the old address as tinydns-data reads the field: it drops
       spaces, tabs and newlines at the end of a line, but keeps a CR */
    n = len;
    while (n > field && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n')) --n;
    n = byte_chr(s + field,n - field,':');
    c->hasold6 = s[0] == ':' ? ip6_scan_octal(s + field,n,old) : ip6_scan_hex(s + field,n,old);
    if (c->hasold6) byte_copy(c->old6,16,old);
  }
  else if (ip4_scan(s + field,fieldend - field,old) == fieldend - field) {
    c->hasold4 = 1;
    byte_copy(c->old4,4,old);
  }
  if (q->mode == DYN_TAKE && !lowered(&q->add,s,len,fieldend,body,q->ttl)) return nomem();
  if (q->mode == DYN_DROP || q->mode == DYN_TAKE) {
    out->len = 0;
    ++c->changed;
    return 1;
  }
  if (q->mode != DYN_SET) return 0;

  if (family == 4) {
    if (fieldend - field == q->addr.len4 && byte_equal(s + field,q->addr.len4,q->addr.text4)) return 0;
    if (s[0] == '=') {
      i = dyn_ptrline(q->addr.ip4,4);
      if (i == -1) return -1;
      c->ptrserved += i;
    }
    if (!stralloc_copyb(out,s,field)) return nomem();
    if (!stralloc_catb(out,q->addr.text4,q->addr.len4)) return nomem();
  }
  else {
    /* the old address (read above), with the request's prefix if it
       has one; one that does not read gets the prefix and zeros */
    if (c->hasold6) byte_copy(old,16,c->old6);
    else byte_zero(old,16);
    addr6(&q->addr,old,new);
    if (c->hasold6 && byte_equal(old,16,new)) return 0;
    if (s[0] == '6') {
      i = dyn_ptrline(new,6);
      if (i == -1) return -1;
      c->ptrserved += i;
    }
    n = s[0] == ':' ? ip6_fmt_octal(text,new) : ip6_fmt_hex(text,new);
    if (!stralloc_copyb(out,s,field)) return nomem();
    if (!stralloc_catb(out,text,n)) return nomem();
    /* a generic line whose address ends it, before a CR (a file with
       CRLF line ends): tinydns-data would read the CR as a 17th byte;
       an empty TTL field takes it, and a TTL of "\r" is the default */
    if (s[0] == ':' && fieldend == body && body < len && s[body] == '\r')
      if (!stralloc_cats(out,":")) return nomem();
  }
  if (!stralloc_catb(out,s + fieldend,len - fieldend)) return nomem();
  ++c->changed;
  return 1;
}
