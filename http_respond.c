#include "buffer.h"
#include "deadline.h"
#include "fmt.h"
#include "http.h"

const char *http_reason(int status)
{
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
  }
  return "Error";
}

/* Writes one whole answer to fd: status line, fixed headers, the
   body's type (0: text/plain), extra (complete "Name: value\r\n"
   lines, or 0), body unless head. Never chunked; the connection closes
   after it. 0 on success, -1 on error (errno; ETIMEDOUT when the client
   does not read in time). */
int http_respond(int fd,int status,const char *type,const char *extra,const char *body,unsigned int len,int head)
{
  char space[1024];
  char num[FMT_ULONG];
  buffer b;

  buffer_init(&b,deadline_write,fd,space,sizeof space);
  num[fmt_ulong(num,(unsigned long) status)] = 0;
  if (buffer_puts(&b,"HTTP/1.0 ") == -1) return -1;
  if (buffer_puts(&b,num) == -1) return -1;
  if (buffer_puts(&b," ") == -1) return -1;
  if (buffer_puts(&b,http_reason(status)) == -1) return -1;
  if (buffer_puts(&b,"\r\nContent-Type: ") == -1) return -1;
  if (buffer_puts(&b,type ? type : "text/plain") == -1) return -1;
  if (buffer_puts(&b,"\r\nContent-Length: ") == -1) return -1;
  if (buffer_put(&b,num,fmt_ulong(num,(unsigned long) len)) == -1) return -1;
  if (buffer_puts(&b,"\r\nConnection: close\r\n") == -1) return -1;
  if (extra && buffer_puts(&b,extra) == -1) return -1;
  if (buffer_puts(&b,"\r\n") == -1) return -1;
  if (!head && buffer_put(&b,body,len) == -1) return -1;
  return buffer_flush(&b);
}
