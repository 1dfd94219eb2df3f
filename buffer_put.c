#include <errno.h>
#include "byte.h"
#include "str.h"
#include "buffer.h"

int buffer_flush(buffer *b)
{
  unsigned int p = b->p;

  if (!p) return 0;
  b->p = 0;
  return allwrite(b->op,b->fd,b->x,p);
}

int buffer_put(buffer *b,const char *s,unsigned int len)
{
  if (len > b->a - b->p) {
    if (buffer_flush(b) == -1) return -1;
    if (len > b->a) return allwrite(b->op,b->fd,s,len);
  }
  byte_copy(b->x + b->p,len,s);
  b->p += len;
  return 0;
}

int buffer_puts(buffer *b,const char *s)
{
  return buffer_put(b,s,str_len(s));
}

int buffer_putflush(buffer *b,const char *s,unsigned int len)
{
  if (buffer_put(b,s,len) == -1) return -1;
  return buffer_flush(b);
}

int buffer_putsflush(buffer *b,const char *s)
{
  return buffer_putflush(b,s,str_len(s));
}
