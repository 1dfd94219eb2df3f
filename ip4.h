#ifndef IP4_H
#define IP4_H

#define IP4_FMT 16 /* "255.255.255.255" and a spare byte */

extern unsigned int ip4_scan(const char *,unsigned int,char *);
extern unsigned int ip4_fmt(char *,const char *);

#endif
