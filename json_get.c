#include "case.h"
#include "str.h"
#include "json.h"

/* The member of m[0..n) (json_object's) named key, ASCII case ignored
   as Go's decoder does (json_object took no two such): returns 1 and
   its value in *val, *len; 0 if there is none. */
int json_get(const struct json_member *m,unsigned int n,const char *key,const char **val,unsigned int *len)
{
  unsigned int keylen = str_len(key);
  unsigned int i;

  for (i = 0;i < n;++i)
    if (m[i].keylen == keylen && case_equalb(m[i].key,keylen,key)) {
      *val = m[i].val;
      *len = m[i].vallen;
      return 1;
    }
  return 0;
}
