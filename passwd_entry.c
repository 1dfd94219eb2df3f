#include <crypt.h>
#include <errno.h>
#include "byte.h"
#include "passwd.h"

static char setting[CRYPT_GENSALT_OUTPUT_SIZE];
static struct crypt_data cd;

/* entry = "user:HASH[:domains]\n", HASH a yescrypt hash of pw (any
   bytes but NUL). pw is wiped, whatever happens. 0 on success, -1 on
   error with errno set (ENOMEM, or what crypt says). */
int passwd_entry(stralloc *entry,const stralloc *user,stralloc *pw,const stralloc *domains)
{
  const char *hash;
  int e;

  if (!crypt_gensalt_rn("$y$",0,0,0,setting,sizeof setting)) goto fail;
  if (!stralloc_0(pw)) { errno = ENOMEM; goto fail; }
  hash = crypt_rn(pw->s,setting,&cd,sizeof cd);
  if (!hash || hash[0] == '*') { if (!errno) errno = EINVAL; goto fail; }
  if (!stralloc_copy(entry,user) || !stralloc_cats(entry,":")
      || !stralloc_cats(entry,hash)) { errno = ENOMEM; goto fail; }
  byte_zero(pw->s,pw->a);
  byte_zero((char *) &cd,sizeof cd);
  if (domains->len)
    if (!stralloc_cats(entry,":") || !stralloc_cat(entry,domains)) { errno = ENOMEM; return -1; }
  if (!stralloc_cats(entry,"\n")) { errno = ENOMEM; return -1; }
  return 0;

  fail:
  e = errno;
  if (pw->s) byte_zero(pw->s,pw->a);
  byte_zero((char *) &cd,sizeof cd);
  errno = e;
  return -1;
}
