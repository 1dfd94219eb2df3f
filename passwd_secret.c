#include <errno.h>
#include <sys/random.h>
#include "byte.h"
#include "passwd.h"

static const char letters[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* sa = PASSWD_SECRETLEN letters and digits from the kernel's random
   source, safe to type and to put in a URL. 0 or -1 (errno). */
int passwd_secret(stralloc *sa)
{
  unsigned char r[64];
  unsigned int i;
  int n;

  if (!stralloc_copys(sa,"")) { errno = ENOMEM; return -1; }
  while (sa->len < PASSWD_SECRETLEN) {
    n = getrandom(r,sizeof r,0);
    if (n == -1) { if (errno == EINTR) continue; return -1; }
    for (i = 0;i < (unsigned int) n && sa->len < PASSWD_SECRETLEN;++i)
      if (r[i] < 248) /* 4 * 62: no letter more likely than another */
        if (!stralloc_append(sa,letters[r[i] % 62])) { errno = ENOMEM; return -1; }
  }
  byte_zero((char *) r,sizeof r);
  return 0;
}
