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
   the deadline. *len is its length; *got the bytes read, which may
   include the start of a body after the head. Returns 0 when it is all
   there; else an HTTP status to answer with (408 too slow, 414 request
   line too long, 431 headers too long, 400 cut short or not HTTP), or
   -1 if the client went away before sending anything or on a read error
   (errno). A first byte 0x16 is a TLS handshake record (a client set to
   HTTPS on the plain port): no request line starts with it, and that
   client sends nothing more until it hears a TLS answer, so it is 400
   at once, not 408 after the whole timeout. */
int http_gethead(int fd,char *buf,unsigned int *len,unsigned int *got)
{
  int r;
  unsigned int end;

  *len = *got = 0;
  for (;;) {
    if (*got == HTTP_REQMAX)
      return byte_chr(buf,*got,'\n') == *got ? 414 : 431;
    r = http_readmore(fd,buf + *got,HTTP_REQMAX - *got,*got);
    if (r < 0) return -r;
    if (r == 0) return -1;
    /* a blank line that only just arrived may straddle reads */
    *got += r;
    if (http_tls(buf,*got)) return 400;
    end = headend(buf,*got);
    if (end) { *len = end; return 0; }
  }
}

/* Reads on from fd into buf, of which got bytes are there (at most
   HTTP_REQMAX), until want bytes are (want at most HTTP_REQMAX), within
   the deadline: the rest of a body whose length the head gave. Bytes
   after want are not read. Returns 0 when they are there; else 408 too
   slow, 400 cut short or on a read error. */
int http_getbody(int fd,char *buf,unsigned int got,unsigned int want)
{
  int r;

  while (got < want) {
    r = http_readmore(fd,buf + got,want - got,got);
    if (r < 0) return -r;
    if (r == 0) return 400;
    got += r;
  }
  return 0;
}
