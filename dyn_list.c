#include "byte.h"
#include "dyn.h"

/* The data file fd, from its start, by the rewrite engine's rules
   (dyn_scan: lines of at most DYN_LINEMAX bytes, and none of what an
   over-long one runs into): each line, with its newline if it has one,
   goes to each(arg,line,len), which returns 0 or -1 (the listing
   stops). For the tools that read the data file: they see the lines
   the handler sees. 0, or -1 (errno). */
int dyn_list(int fd,int (*each)(void *,const char *,unsigned int),void *arg)
{
  static struct dyn_edits e;
  static struct dyn_batch b;

  byte_zero((char *) &b,sizeof b);
  b.each = each;
  b.arg = arg;
  return dyn_scan(&b,fd,&e);
}
