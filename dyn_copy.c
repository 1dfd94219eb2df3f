#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include "alloc.h"
#include "buffer.h"
#include "dyn.h"

#define BUFSIZE 65536
static char *buf; /* made when first needed: most kernels copy for us */

/* copies n bytes from fdin's offset *in to fdout's current offset */
static int span(int fdin,long long *in,int fdout,unsigned long n)
{
  long long w;
  int r;

  while (n) {
    w = copy_file_range(fdin,(off_t *) in,fdout,0,n,0);
    if (w > 0) { n -= w; continue; }
    if (w == 0) { errno = EIO; return -1; } /* file shrank: cannot be, we hold the lock */
    if (errno == EINTR) continue;
    if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP) return -1;
    /* no kernel copy here: through user space */
    if (!buf && !(buf = alloc(BUFSIZE))) return -1;
    while (n) {
      r = pread(fdin,buf,n < BUFSIZE ? n : BUFSIZE,*in);
      if (r == -1) { if (errno == EINTR) continue; return -1; }
      if (r == 0) { errno = EIO; return -1; }
      if (allwrite(buffer_unixwrite,fdout,buf,r) == -1) return -1;
      *in += r;
      n -= r;
    }
  }
  return 0;
}

/* Writes bytes [from,to) of the data file fdin to fdout, with the
   edits of e (dyn_pass), which all lie in that range. Reads fdin at
   explicit offsets: its file offset does not move. 0 on success, -1 on
   error. */
int dyn_copy(int fdin,unsigned long from,unsigned long to,const struct dyn_edits *e,int fdout)
{
  long long in = from;
  unsigned int i;
  const struct dyn_edit *x;

  for (i = 0;i < e->n;++i) {
    x = &e->e[i];
    if (span(fdin,&in,fdout,x->from - in) == -1) return -1;
    if (allwrite(buffer_unixwrite,fdout,e->bytes.s + x->pos,x->len) == -1) return -1;
    in = x->to;
  }
  return span(fdin,&in,fdout,to - in);
}
