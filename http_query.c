#include "byte.h"
#include "str.h"
#include "urldecode.h"
#include "http.h"

static stralloc k;

/* Finds parameter key in the query string q[0..len) (k=v&k=v, ';' also
   separates). 1 and the decoded value in out if found once; 2 if it is
   there more than once (out: the last value; a caller should refuse
   the request rather than guess which one the client meant); 0 if not
   there; -1 if out of memory. A parameter name is compared after
   decoding. */
int http_query(const char *q,unsigned int len,const char *key,stralloc *out)
{
  unsigned int i = 0;
  unsigned int j;
  unsigned int eq;
  unsigned int klen = str_len(key);
  int found = 0;

  while (i < len) {
    j = i;
    while (j < len && q[j] != '&' && q[j] != ';') ++j;
    eq = i + byte_chr(q + i,j - i,'=');
    if (!urldecode(&k,q + i,eq - i)) return -1;
    if (k.len == klen && byte_equal(k.s,klen,key)) {
      if (eq < j) { if (!urldecode(out,q + eq + 1,j - eq - 1)) return -1; }
      else if (!stralloc_copys(out,"")) return -1;
      found = found ? 2 : 1;
    }
    i = j + 1;
  }
  return found;
}
