#ifndef DEADLINE_H
#define DEADLINE_H

extern void deadline_set(unsigned long);
extern int deadline_read(int,char *,unsigned int);
extern int deadline_write(int,char *,unsigned int);
extern unsigned int deadline_left(void);
extern unsigned long deadline_at(void);
extern unsigned long deadline_clock(void);

#endif
