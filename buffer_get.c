#include <errno.h>
#include "buffer.h"

/* bytes available after this call; 0 at end of file, -1 on error */
int buffer_feed(buffer *b)
{
  int r;

  if (b->p < b->n) return b->n - b->p;
  for (;;) {
    r = b->op(b->fd,b->x,b->a);
    if (r == -1 && errno == EINTR) continue;
    break;
  }
  if (r <= 0) return r;
  b->p = 0;
  b->n = r;
  return r;
}

char *buffer_peek(buffer *b)
{
  return b->x + b->p;
}

void buffer_seek(buffer *b,unsigned int len)
{
  b->p += len;
}
