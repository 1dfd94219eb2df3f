#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include "byte.h"
#include "dyn.h"

/* The data file fn, from its start, by the rewrite engine's rules
   (dyn_scan: lines of at most DYN_LINEMAX bytes, and none of what an
   over-long one runs into): each line, with its newline if it has one,
   goes to each(arg,line,len), which returns 0 or -1 (the listing
   stops). For the tools that read the data file: they see the lines
   the handler sees. 0, or -1 (errno). */
int dyn_list(const char *fn,int (*each)(void *,const char *,unsigned int),void *arg)
{
  static struct dyn_edits e;
  static struct dyn_batch b;
  int fd;
  int r;

  fd = open(fn,O_RDONLY | O_CLOEXEC);
  if (fd == -1) return -1;
  byte_zero((char *) &b,sizeof b);
  b.each = each;
  b.arg = arg;
  r = dyn_scan(&b,fd,&e);
  if (r == -1) { r = errno; close(fd); errno = r; return -1; }
  close(fd);
  return 0;
}
