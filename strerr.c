#include <string.h>
#include <unistd.h>
#include "buffer.h"
#include "strerr.h"

/* the C library's text, first letter in lower case for log lines */
const char *strerr_sys(int e)
{
  static char buf[128];
  const char *s = strerror(e);
  unsigned int i;

  for (i = 0;s[i] && i < sizeof buf - 1;++i) buf[i] = s[i];
  buf[i] = 0;
  if (buf[0] >= 'A' && buf[0] <= 'Z') buf[0] += 'a' - 'A';
  return buf;
}

/* one line on fd 2: a b c d [": " error] */
void strerr_warn(const char *a,const char *b,const char *c,const char *d,int e)
{
  if (a) buffer_puts(buffer_2,a);
  if (b) buffer_puts(buffer_2,b);
  if (c) buffer_puts(buffer_2,c);
  if (d) buffer_puts(buffer_2,d);
  if (e) {
    buffer_puts(buffer_2,": ");
    buffer_puts(buffer_2,strerr_sys(e));
  }
  buffer_putsflush(buffer_2,"\n");
}

void strerr_die(int code,const char *a,const char *b,const char *c,const char *d,int e)
{
  strerr_warn(a,b,c,d,e);
  _exit(code);
}
