#ifndef FD_H
#define FD_H

extern int fd_std(void);

#endif
