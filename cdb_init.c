#include <errno.h>
#include <sys/stat.h>
#include "cdb.h"

int cdb_init(struct cdb *c,int fd)
{
  struct stat st;

  if (fstat(fd,&st) == -1) return -1;
  /* the 256 pointers at least; positions are 32 bits */
  if (st.st_size < 2048 || (unsigned long long) st.st_size > 0xffffffffULL) {
    errno = EPROTO;
    return -1;
  }
  c->fd = fd;
  c->size = st.st_size;
  c->loop = 0;
  return 0;
}
