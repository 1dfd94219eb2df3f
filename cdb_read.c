#include <errno.h>
#include <unistd.h>
#include "cdb.h"

int cdb_read(struct cdb *c,char *buf,unsigned int len,uint32_t pos)
{
  ssize_t r;

  if (pos > c->size || len > c->size - pos) { errno = EPROTO; return -1; }
  while (len) {
    r = pread(c->fd,buf,len,(off_t) pos);
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    if (r == 0) { errno = EPROTO; return -1; } /* shorter than fstat said */
    buf += r;
    pos += r;
    len -= r;
  }
  return 0;
}
