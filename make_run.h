#ifndef MAKE_RUN_H
#define MAKE_RUN_H

#include <sys/types.h>

struct make_job {
  int fd;    /* the watchdog's answer comes here */
  pid_t pid; /* the watchdog */
};

extern int make_start(struct make_job *,unsigned int,int,int);
extern int make_wait(struct make_job *,unsigned int);
extern void make_leave(struct make_job *);
extern int make_run(unsigned int,unsigned int);

#endif
