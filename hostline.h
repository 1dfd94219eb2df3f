#ifndef HOSTLINE_H
#define HOSTLINE_H

#include "buffer.h"
#include "stralloc.h"
#include "dyn.h"

extern int hostline(const char *,unsigned int,stralloc *,int *,struct dyn_addr *);
extern int hostline_get(buffer *,stralloc *,int *,stralloc *,int *,struct dyn_addr *);

#endif
