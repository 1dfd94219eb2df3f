#ifndef PASSWD_H
#define PASSWD_H

#include "replace.h"
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
/* a rewrite prepared by passwd_write_begin: the new version, written
   and synced under a temporary name, and the password file's lock,
   held until passwd_write_commit or passwd_write_abort */
struct passwd_change {
  struct replace r;
  int fdlock;       /* -1: nothing held */
  stralloc lockfn;
};

extern int passwd_write(const char *,const stralloc *,const stralloc *,int,const char **,const char **);
extern int passwd_write_begin(struct passwd_change *,const char *,const stralloc *,const stralloc *,int,const char **,const char **);
extern int passwd_write_commit(struct passwd_change *,const char **,const char **);
extern void passwd_write_abort(struct passwd_change *);
extern int passwd_secret(stralloc *);
extern const char *passwd_user(const char *);

#endif
