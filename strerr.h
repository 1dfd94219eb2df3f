#ifndef STRERR_H
#define STRERR_H

extern const char *strerr_sys(int);
extern void strerr_warn(const char *,const char *,const char *,const char *,int);
extern void strerr_die(int,const char *,const char *,const char *,const char *,int) __attribute__((noreturn));

#endif
