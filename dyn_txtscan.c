#include "byte.h"
#include "dyn.h"

/* s[0..len) is the decoded txt= parameter: challenge values separated
   by commas. Each value is 1 to DYN_TXTLEN bytes of printable ASCII
   other than ':' and '\' (ACME values are base64url, so they never
   have a comma, a colon or a backslash: none of the three is worth
   the risk of getting an escape wrong); a value named twice counts
   once; at most DYN_TXTMAX. An empty s is no value at all.
   t->v, t->len and t->n are filled. 1 if valid, 0 if not: then nothing
   of the request may be written. */
int dyn_txtscan(struct dyn_txt *t,const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int j;
  unsigned int k;
  unsigned int n;

  t->n = 0;
  if (!len) return 1;
  for (i = 0;i <= len;i = j + 1) {
    j = i + byte_chr(s + i,len - i,',');
    n = j - i;
    if (!n || n > DYN_TXTLEN) return 0;
    for (k = i;k < j;++k)
      if ((unsigned char) s[k] < 0x20 || (unsigned char) s[k] > 0x7e
          || s[k] == ':' || s[k] == '\\') return 0;
    for (k = 0;k < t->n;++k)
      if (t->len[k] == n && byte_equal(t->v[k],n,s + i)) break;
    if (k < t->n) continue;
    if (t->n == DYN_TXTMAX) return 0;
    byte_copy(t->v[t->n],n,s + i);
    t->len[t->n++] = n;
  }
  return 1;
}
