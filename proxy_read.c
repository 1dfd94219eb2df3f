#include "http.h"
#include "proxy.h"

/* Reads the PROXY protocol v1 line a TLS front sends before the
   client's bytes: through the first '\n', at most PROXY_LINEMAX bytes,
   within the deadline, into buf (PROXY_LINEMAX bytes); *len is its
   length. One byte a read, so that not one byte of the request after
   it is taken. Returns 0 when a line is there (proxy_parse judges it);
   400 if none within PROXY_LINEMAX bytes or the connection ends inside
   it; 408 if it is not there in time; -1 if the connection ends before
   the first byte (errno 0) or on a read error (errno). */
int proxy_read(int fd,char *buf,unsigned int *len)
{
  int r;

  *len = 0;
  while (*len < PROXY_LINEMAX) {
    r = http_readmore(fd,buf + *len,1,*len);
    if (r < 0) return -r;
    if (r == 0) return -1;
    if (buf[(*len)++] == '\n') return 0;
  }
  return 400;
}
