#ifndef AUTH_H
#define AUTH_H

#include "stralloc.h"

#define AUTH_LINEMAX 4096 /* longest line read from the password file */
#define AUTH_USERMAX 256
#define AUTH_FRESHMS 500   /* a password file changed this recently may be half written */
#define AUTH_RETRYMS 100   /* between two readings of it */
#define AUTH_READTRIES 15  /* readings before giving up (911) */

/* why auth_check said no, for the log */
#define AUTH_UNKNOWN "unknown-user"  /* no entry for the user */
#define AUTH_NOHASH "unusable-hash"  /* an entry whose hash is none we check */

extern int auth_verify(const char *,unsigned int,const char *,unsigned int,int *);
/* the flags of an entry, its fourth field: words separated by commas */
#define AUTH_ACME 1  /* "acme": its password sets ACME challenges only, never an address */

extern int auth_flagword(const char *,unsigned int);
extern int auth_domains(const char *,const char *,unsigned int,stralloc *,int *);
extern int auth_check(const char *,const char *,unsigned int,const char *,unsigned int,stralloc *,int *,const char **);
extern int auth_basic(const char *,unsigned int,stralloc *,stralloc *);
extern unsigned int auth_fail(const char *,const char *,const char *,unsigned int);
extern int auth_allows(const stralloc *,const char *,unsigned int);
extern int auth_onlyhost(const stralloc *,stralloc *);

#endif
