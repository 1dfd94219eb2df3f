#ifndef LOGLINE_H
#define LOGLINE_H

#include "stralloc.h"

#define LOGLINE_FIELDMAX 128 /* bytes of one client-supplied field logged */

extern int logline_safe(stralloc *,const char *,unsigned int);

#endif
