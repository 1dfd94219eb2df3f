#include "byte.h"
#include "http.h"

/* end of the header block in buf[0..len): index after the blank line,
   or 0 if not there yet */
static unsigned int headend(const char *buf,unsigned int len)
{
  unsigned int i;

  for (i = 0;i < len;++i) {
    if (buf[i] != '\n') continue;
    if (i + 1 < len && buf[i + 1] == '\n') return i + 2;
    if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n') return i + 3;
  }
  return 0;
}

/* Reads one request head (request line and headers, up to the blank
   line) from fd into buf, which has room for HTTP_REQMAX bytes, within
   the deadline. *len is its length. Returns 0 when it is all there;
   else an HTTP status to answer with (408 too slow, 414 request line
   too long, 431 headers too long, 400 cut short), or -1 if the client
   went away before sending anything or on a read error (errno). */
int http_getrequest(int fd,char *buf,unsigned int *len)
{
  int r;
  unsigned int end;

  *len = 0;
  for (;;) {
    if (*len == HTTP_REQMAX)
      return byte_chr(buf,*len,'\n') == *len ? 414 : 431;
    r = http_readmore(fd,buf + *len,HTTP_REQMAX - *len,*len);
    if (r < 0) return -r;
    if (r == 0) return -1;
    /* a blank line that only just arrived may straddle reads */
    *len += r;
    end = headend(buf,*len);
    if (end) { *len = end; return 0; }
  }
}
