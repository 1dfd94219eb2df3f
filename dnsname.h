#ifndef DNSNAME_H
#define DNSNAME_H

#include "stralloc.h"

#define DNSNAME_MAX 253
#define DNSLABEL_MAX 63

extern int dnsname_fqdn(stralloc *,const char *,unsigned int);
extern unsigned int dnsname_strip(const char *,unsigned int);

#endif
