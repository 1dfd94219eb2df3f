#include <errno.h>
#include "byte.h"
#include "buffer.h"
#include "getln.h"
#include "dyn.h"

static char inspace[65536];
static char outspace[65536];
static stralloc line;
static stralloc edited;

/* Streams the data file on fdin line by line, counting for every host
   its lines and the lines whose address would change. If fdout is not
   -1 it gets the whole file, edited: ACME challenge lines that go are
   left out (dyn_txtline), new ones appended (dyn_txtend). Memory is
   bounded by DYN_LINEMAX, whatever the size of the file. 0 on success, -1 on error. */
int dyn_pass(int fdin,int fdout,struct dyn_host *h,unsigned int nh,const struct dyn_addr *a)
{
  buffer in;
  buffer out;
  int match;
  int family;
  int endnl = 1; /* the output so far is empty or ends with a newline */
  int i;

  buffer_init(&in,buffer_unixread,fdin,inspace,sizeof inspace);
  buffer_init(&out,buffer_unixwrite,fdout,outspace,sizeof outspace);
  for (i = 0;i < (int) nh;++i) {
    h[i].lines = h[i].lines4 = h[i].lines6 = 0; h[i].changed = 0;
    h[i].txtlines = h[i].txtgone = 0; h[i].txtfound = 0;
  }

  for (;;) {
    if (getln(&in,&line,&match,'\n',DYN_LINEMAX) == -1) return -1;
    if (!line.len) break;
    if (!match && line.len == DYN_LINEMAX) {
      /* too long to be ours: copy it through as it is */
      do {
        if (fdout != -1 && buffer_put(&out,line.s,line.len) == -1) return -1;
        if (getln(&in,&line,&match,'\n',DYN_LINEMAX) == -1) return -1;
      } while (!match && line.len);
      if (fdout != -1 && buffer_put(&out,line.s,line.len) == -1) return -1;
      endnl = match;
      if (!line.len) break;
      continue;
    }
    i = dyn_line(line.s,line.len,h,nh,a,&edited,&family);
    if (i == -2) { errno = ENOMEM; return -1; }
    if (i >= 0) {
      ++h[i].lines;
      if (family == 4) ++h[i].lines4; else ++h[i].lines6;
      if (edited.len != line.len || byte_diff(edited.s,line.len,line.s)) ++h[i].changed;
      if (fdout != -1 && buffer_put(&out,edited.s,edited.len) == -1) return -1;
      endnl = match;
    }
    else if (!dyn_txtline(line.s,line.len,h,nh)) {
      if (fdout != -1 && buffer_put(&out,line.s,line.len) == -1) return -1;
      endnl = match;
    }
    if (!match) break;
  }
  if (!dyn_txtend(h,nh,&edited)) { errno = ENOMEM; return -1; }
  if (fdout != -1 && edited.len) {
    if (!endnl && buffer_put(&out,"\n",1) == -1) return -1;
    if (buffer_put(&out,edited.s,edited.len) == -1) return -1;
  }
  if (fdout != -1 && buffer_flush(&out) == -1) return -1;
  return 0;
}
