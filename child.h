#ifndef CHILD_H
#define CHILD_H

#include <sys/types.h>

#define CHILD_KILLGRACE 2 /* seconds between TERM and KILL to a child out of time */

extern int child_start(pid_t *,char *const *,char *const *,int,int,int);
extern int child_wait(pid_t,long);
extern int child_end(pid_t,unsigned int);
extern int child_reap(pid_t);

#endif
