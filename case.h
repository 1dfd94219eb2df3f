#ifndef CASE_H
#define CASE_H

extern void case_lowerb(char *,unsigned int);
extern int case_diffb(const char *,unsigned int,const char *);

#define case_equalb(s,n,t) (!case_diffb((s),(n),(t)))

#endif
