#ifndef HOSTLINE_H
#define HOSTLINE_H

#include "stralloc.h"
#include "dyn.h"

extern int hostline(const char *,unsigned int,stralloc *,int *,struct dyn_addr *);

#endif
