#ifndef GETLN_H
#define GETLN_H

#include "buffer.h"
#include "stralloc.h"

extern int getln(buffer *,stralloc *,int *,int,unsigned int);

#endif
