#include <unistd.h>
#include "buffer.h"

int buffer_unixread(int fd,char *s,unsigned int len)
{
  return read(fd,s,len);
}

int buffer_unixwrite(int fd,char *s,unsigned int len)
{
  return write(fd,s,len);
}
