#ifndef LOCK_H
#define LOCK_H

/* what lock_open's EPERM means, for a message */
#define LOCK_NOTOURS(fn) fn " is not this account's own plain file (chown it to the service account, chmod 600)"

extern int lock_wait(int,unsigned int);
extern int lock_open(const char *);

#endif
