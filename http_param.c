#include "byte.h"
#include "case.h"
#include "str.h"
#include "urldecode.h"
#include "http.h"

static stralloc k;

/* 1 if the decoded name k is one of names (lower case), case ignored */
static int named(const char *const *names)
{
  unsigned int i;

  for (i = 0;names[i];++i)
    if (k.len == str_len(names[i]) && case_equalb(k.s,k.len,names[i])) return 1;
  return 0;
}

/* Looks for a parameter called by any of names (a list of lower-case
   names ending in 0: a parameter and its aliases) in q[0..len), a query
   string or a form body (k=v&k=v; a ';' is a byte of a value, as
   routers put passwords into URLs unencoded). Names are
   compared after decoding and without regard to case. Returns how
   often such a parameter is there, counting at most 2 (the caller
   refuses a repeated one rather than guess which was meant), with the
   first one's decoded value in out; 0 if none; -1 if out of memory. */
int http_param(const char *q,unsigned int len,const char *const *names,stralloc *out)
{
  unsigned int i = 0;
  unsigned int j;
  unsigned int eq;
  int found = 0;

  while (i < len) {
    j = i;
    while (j < len && q[j] != '&') ++j;
    eq = i + byte_chr(q + i,j - i,'=');
    if (!urldecode(&k,q + i,eq - i)) return -1;
    if (named(names)) {
      if (++found == 2) return 2;
      if (eq < j) { if (!urldecode(out,q + eq + 1,j - eq - 1)) return -1; }
      else if (!stralloc_copys(out,"")) return -1;
    }
    i = j + 1;
  }
  return found;
}
