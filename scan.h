#ifndef SCAN_H
#define SCAN_H

extern unsigned int scan_ulong(const char *,unsigned long *);
extern unsigned int scan_xdigit(char);

#endif
