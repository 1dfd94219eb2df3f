#include <errno.h>
#include "byte.h"
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

int buffer_get(buffer *b,char *s,unsigned int len)
{
  int r;

  r = buffer_feed(b);
  if (r <= 0) return r;
  if ((unsigned int) r > len) r = len;
  byte_copy(s,r,b->x + b->p);
  b->p += r;
  return r;
}
