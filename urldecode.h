#ifndef URLDECODE_H
#define URLDECODE_H

#include "stralloc.h"

extern int urldecode(stralloc *,const char *,unsigned int);

#endif
