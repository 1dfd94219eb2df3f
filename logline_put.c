#include "buffer.h"
#include "str.h"
#include "logline.h"

static void put(const char *a,const char *b,unsigned int len)
{
  buffer_puts(buffer_2,a);
  buffer_put(buffer_2,b,len);
  buffer_puts(buffer_2,"\n");
  buffer_flush(buffer_2);
}

/* Writes line (0-terminated) to fd 2 after head: as one line if it
   fits in LOGLINE_MAX bytes with its newline, else as several lines of
   at most LOGLINE_MAX bytes, cut at spaces where there is one, each
   after the first starting with more. Each line goes out in a write of
   its own: a pipe to multilog keeps a write of up to PIPE_BUF (4096)
   bytes whole, so no other handler's line can land inside one. head
   and more must be shorter than LOGLINE_MAX / 2. */
void logline_put(const char *head,const char *more,const char *line)
{
  const char *h = head;
  unsigned int n = str_len(line);
  unsigned int room;
  unsigned int cut;

  for (;;) {
    room = LOGLINE_MAX - 1 - str_len(h);
    if (n <= room) { put(h,line,n); return; }
    for (cut = room;cut > 0 && line[cut] != ' ';--cut) ;
    if (!cut) cut = room;
    put(h,line,cut);
    line += cut;
    n -= cut;
    if (*line == ' ') { ++line; --n; }
    h = more;
  }
}
