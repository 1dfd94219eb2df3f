#ifndef LOGLINE_H
#define LOGLINE_H

#include "stralloc.h"

#define LOGLINE_FIELDMAX 128 /* bytes of one client-supplied field logged */
#define LOGLINE_MAX 4000     /* bytes of one line written, newline counted:
                                under PIPE_BUF, so one write stays whole */

extern int logline_safe(stralloc *,const char *,unsigned int);
extern void logline_put(const char *,const char *,const char *);

#endif
