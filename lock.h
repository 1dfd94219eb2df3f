#ifndef LOCK_H
#define LOCK_H

extern int lock_wait(int,unsigned int);
extern int lock_open(const char *);

#endif
