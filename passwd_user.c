#include "auth.h"
#include "passwd.h"

/* What is wrong with u as a user name in the password file (it would
   break the line, or could never log in), or 0 if nothing. */
const char *passwd_user(const char *u)
{
  unsigned int i;
  unsigned char c;

  if (!*u) return "empty user name";
  for (i = 0;(c = u[i]);++i) {
    if (c == ':') return "user name contains ':'";
    if (c < 32 || c == 127) return "user name contains a control character";
  }
  if (i > AUTH_USERMAX) return "user name too long";
  return 0;
}
