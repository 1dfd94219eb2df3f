#ifndef BASE64_H
#define BASE64_H

#include "stralloc.h"

extern int base64_decode(stralloc *,const char *,unsigned int);
extern unsigned int base64_fmt(char *,const char *,unsigned int);

#endif
