#ifndef PASSWD_H
#define PASSWD_H

#include "stralloc.h"

/* tinydnsdyn's password file (user:hash[:host,...]), as the operator
   tools write it: tinydnsdyn-passwd and tinydnsdyn-host share these. */

#define PASSWD_PIECEMAX 8192 /* lines are copied in pieces of this size */
#define PASSWD_SECRETLEN 24  /* a random secret: 24 of 62 letters, 142 bits */

/* passwd_write: what to do with user's line */
#define PASSWD_SET 0    /* replace it, or add entry at the end */
#define PASSWD_NEW 1    /* add entry; refuse (1) if user has a line */
#define PASSWD_DROP 2   /* remove it if its host list is exactly entry */

extern int passwd_entry(stralloc *,const stralloc *,stralloc *,const stralloc *);
extern int passwd_write(const char *,const stralloc *,const stralloc *,int,const char **,const char **);
extern int passwd_secret(stralloc *);
extern const char *passwd_user(const char *);

#endif
