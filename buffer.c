#include "buffer.h"

void buffer_init(buffer *b,buffer_op op,int fd,char *x,unsigned int a)
{
  b->x = x;
  b->a = a;
  b->p = 0;
  b->n = 0;
  b->fd = fd;
  b->op = op;
}
