#include <errno.h>
#include "deadline.h"
#include "http.h"

/* One read of at most n bytes within the deadline, for a request (or
   the PROXY line before it) of which have bytes are already there.
   Returns the bytes read; or the HTTP status to answer, negated: -408
   not in time, -400 the connection ended inside it; or 0 if it ended
   before the first byte (errno 0) or on a read error (errno). */
int http_readmore(int fd,char *buf,unsigned int n,unsigned int have)
{
  int r;

  for (;;) {
    r = deadline_read(fd,buf,n);
    if (r > 0) return r;
    if (r == -1) {
      if (errno == EINTR) continue;
      if (errno == ETIMEDOUT) return -408;
      return 0;
    }
    if (have) return -400;
    errno = 0; /* not an error: the client went away */
    return 0;
  }
}
