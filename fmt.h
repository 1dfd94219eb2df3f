#ifndef FMT_H
#define FMT_H

#define FMT_ULONG 40 /* enough for any unsigned long, with room */

extern unsigned int fmt_ulong(char *,unsigned long);

#endif
