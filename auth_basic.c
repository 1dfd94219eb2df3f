#include "byte.h"
#include "case.h"
#include "base64.h"
#include "auth.h"

/* Splits the value of an Authorization header, "Basic base64(user:pass)",
   into user and pass. 1 on success; 0 if it is not such a header. */
int auth_basic(const char *s,unsigned int len,stralloc *user,stralloc *pass)
{
  static stralloc plain;
  unsigned int i;

  if (len < 6 || !case_equalb(s,5,"basic") || (s[5] != ' ' && s[5] != '\t')) return 0;
  s += 6; len -= 6;
  while (len && (*s == ' ' || *s == '\t')) { ++s; --len; }
  if (!base64_decode(&plain,s,len)) return 0;
  i = byte_chr(plain.s,plain.len,':');
  if (i == plain.len || i == 0 || i > AUTH_USERMAX) { byte_zero(plain.s,plain.len); return 0; }
  if (byte_chr(plain.s,i,'\n') < i || byte_chr(plain.s,i,0) < i) { byte_zero(plain.s,plain.len); return 0; }
  if (!stralloc_copyb(user,plain.s,i)) return 0;
  if (!stralloc_copyb(pass,plain.s + i + 1,plain.len - i - 1)) return 0;
  byte_zero(plain.s,plain.len);
  return 1;
}
