#include "byte.h"
#include "case.h"
#include "dnsname.h"
#include "dyn.h"

#define TAIL 19 /* ":0:" and a 16-digit timestamp */

static char dec[DYN_TXTLEN];

/* the value field as tinydns-data reads it: a backslash and one to
   three octal digits is that byte, a backslash and any other byte is
   that byte. 0 if longer than any value we accept. */
static int decode(const char *s,unsigned int len,unsigned int *n)
{
  unsigned int i = 0;
  unsigned int k;
  unsigned char c;

  *n = 0;
  while (i < len) {
    c = s[i++];
    if (c == '\\') {
      if (i == len) break;
      c = s[i++];
      if (c >= '0' && c <= '7') {
        c -= '0';
        for (k = 0;k < 2 && i < len && s[i] >= '0' && s[i] <= '7';++k)
          c = (c << 3) + (s[i++] - '0');
      }
    }
    if (*n == DYN_TXTLEN) return 0;
    dec[(*n)++] = c;
  }
  return 1;
}

/* s[0..len) is a data line. Ours are exactly
     '_acme-challenge.NAME:VALUE:0:TIMESTAMP
   (TTL 0, 16 lower-case hex digits, no other field; tinydns serves
   such a line until TIMESTAMP, a TAI64 label). Returns 1 if the line
   is to be dropped: one of ours past its time (q->now; 0: none is),
   or a live one of a host marked txt whose values this request
   removes (DYN_DROP: all of them; DYN_TXTROLL: the others but the
   newest, h->txtkeep); then 0 if it stays, as every other line does. Counts the
   host's live lines and the request values found among them. */
int dyn_txtline(struct dyn_req *q,const char *s,unsigned int len)
{
  const struct dyn_txt *t = &q->txt;
  struct dyn_host *h = q->h;
  unsigned long long ttd = 0;
  unsigned int body;
  unsigned int colon;
  unsigned int vlen;
  unsigned int namelen;
  unsigned int i;
  unsigned int j;
  unsigned int n;
  unsigned long at;
  int match = 0;
  char c;

  if (!len || s[0] != '\'') return 0;
  body = len;
  if (s[body - 1] == '\n') --body;
  if (body < 1 + DYN_ACMELEN + 2 + TAIL) return 0;
  if (!case_equalb(s + 1,DYN_ACMELEN,DYN_ACME)) return 0;
  if (!byte_equal(s + body - TAIL,3,":0:")) return 0;
  for (i = body - 16;i < body;++i) {
    c = s[i];
    if (c >= '0' && c <= '9') ttd = (ttd << 4) + (c - '0');
    else if (c >= 'a' && c <= 'f') ttd = (ttd << 4) + (c - 'a' + 10);
    else return 0;
  }
  /* two fields before the TTL: a name after the prefix, and a value */
  colon = 1 + byte_chr(s + 1,body - TAIL - 1,':');
  if (colon == body - TAIL || colon == 1 + DYN_ACMELEN) return 0;
  vlen = body - TAIL - colon - 1;
  if (byte_chr(s + colon + 1,vlen,':') < vlen) return 0;

  if (q->now && ttd < DYN_TAI(q)) return 1;
  if (q->mode != DYN_TXT && q->mode != DYN_DROP) return 0;

  namelen = dnsname_strip(s + 1 + DYN_ACMELEN,colon - 1 - DYN_ACMELEN);
  for (i = 0;i < q->nh;++i) {
    if (!h[i].txt || !h[i].allowed) continue;
    if (h[i].name.len == namelen && case_equalb(s + 1 + DYN_ACMELEN,namelen,h[i].name.s)) break;
  }
  if (i == q->nh) return 0;
  at = h[i].c.txtlines++;
  if (decode(s + colon + 1,vlen,&n))
    for (j = 0;j < t->n;++j)
      if (t->len[j] == n && byte_equal(dec,n,t->v[j])) {
        h[i].c.txtfound |= 1U << j;
        match = 1;
      }
  /* the newest of the others: the latest time to die, the last line
     of those (appended later) */
  if (!match && ttd >= h[i].c.txtnewest) { h[i].c.txtnewest = ttd; h[i].c.txtnewestat = at; }
  if (!t->n || (t->action == DYN_TXTDEL && match)
      || (t->action == DYN_TXTSET && !match)
      || (t->action == DYN_TXTROLL && !match && h[i].txtkeep && at != h[i].txtkeep - 1)) {
    ++h[i].c.txtgone;
    return 1;
  }
  return 0;
}
