#include <errno.h>
#include "getln.h"
#include "hostline.h"

/* Reads lines from b into line until the next address line of a host
   (hostline's rules) and returns 1 with name, *wild and a set as
   hostline sets them. A line longer than DYN_LINEMAX is no host's, and
   neither is what follows it up to the next newline. *atstart is 1
   when b is at the start of a line: set it to 1 before the first
   call. 0 at the end of b; -1 on error (errno: ENOMEM if out of
   memory, else that of the read). */
int hostline_get(buffer *b,stralloc *line,int *atstart,stralloc *name,int *wild,struct dyn_addr *a)
{
  int match;
  int x;

  for (;;) {
    if (getln(b,line,&match,'\n',DYN_LINEMAX + 1) == -1) return -1;
    if (!line->len) return 0;
    x = 0;
    if (*atstart && (match || line->len <= DYN_LINEMAX)) x = hostline(line->s,line->len,name,wild,a);
    if (x == -1) { errno = ENOMEM; return -1; }
    *atstart = match;
    if (x) return 1;
  }
}
