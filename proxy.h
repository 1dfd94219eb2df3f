#ifndef PROXY_H
#define PROXY_H

#include "ip6.h"

#define PROXY_LINEMAX 107 /* the longest v1 header, CRLF included */
#define PROXY_IPFMT IP6_FMT

extern int proxy_read(int,char *,unsigned int *);
extern int proxy_parse(const char *,unsigned int,char *);

#endif
