#include "byte.h"
#include "getln.h"

/* Read up to and including sep into sa, but never more than max bytes.
   *match = 1 if sep ended the line; 0 at end of file (sa holds what was
   left, maybe nothing) or when max bytes were read without sep (the
   rest of the line waits in b). 0 on success, -1 on error. */
int getln(buffer *b,stralloc *sa,int *match,int sep,unsigned int max)
{
  int r;
  unsigned int n;
  unsigned int i;
  char *x;

  *match = 0;
  if (!stralloc_copyb(sa,"",0)) return -1;
  while (sa->len < max) {
    r = buffer_feed(b);
    if (r == -1) return -1;
    if (r == 0) return 0;
    x = buffer_peek(b);
    n = r;
    if (n > max - sa->len) n = max - sa->len;
    i = byte_chr(x,n,sep);
    if (i < n) { n = i + 1; *match = 1; }
    if (!stralloc_catb(sa,x,n)) return -1;
    buffer_seek(b,n);
    if (*match) return 0;
  }
  return 0;
}
