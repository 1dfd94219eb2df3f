#include "byte.h"
#include "auth.h"

/* The flags field of a password file entry, s[0..len): words separated
   by commas; "acme" is AUTH_ACME; a word this version does not know
   grants nothing and is skipped. */
int auth_flagword(const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int j;
  int fl = 0;

  for (i = 0;i <= len;i = j + 1) {
    j = i + byte_chr(s + i,len - i,',');
    if (j - i == 4 && byte_equal(s + i,4,"acme")) fl |= AUTH_ACME;
  }
  return fl;
}
