#include <errno.h>
#include "buffer.h"

/* Writes all of s[0..len) to fd through op (buffer_unixwrite, or a
   writer with a deadline), going on after short writes and EINTR: the
   one write-everything loop. 0, or -1 with errno set. */
int allwrite(buffer_op op,int fd,const char *s,unsigned int len)
{
  int w;

  while (len) {
    w = op(fd,(char *) s,len);
    if (w == -1) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (w == 0) { errno = EIO; return -1; }
    s += w;
    len -= w;
  }
  return 0;
}
