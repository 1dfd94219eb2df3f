#include <errno.h>
#include <unistd.h>
#include "byte.h"
#include "stralloc.h"
#include "dyn.h"

/* The fast way to edit a long data file: one read-only scan finds the
   few byte ranges that change; then the file is copied around them
   by the kernel (dyn_copy), never parsed twice or copied through user
   space line by line. */

struct dyn_edit dyn_edits[DYN_EDITMAX];
unsigned int dyn_nedits;
stralloc dyn_editbytes;

static char buf[DYN_LINEMAX];
static stralloc edited;

/* file bytes [from,to) become s[0..len); edits come in file order */
static int put(unsigned long from,unsigned long to,const char *s,unsigned int len)
{
  struct dyn_edit *e;

  if (dyn_nedits == DYN_EDITMAX) return 0;
  e = &dyn_edits[dyn_nedits++];
  e->from = from;
  e->to = to;
  e->pos = dyn_editbytes.len;
  e->len = len;
  if (!stralloc_catb(&dyn_editbytes,s,len)) return -1;
  return 1;
}

static int record(unsigned long off,const char *s,unsigned int len)
{
  unsigned int p = 0;
  unsigned int q = 0;

  while (p < len && p < edited.len && s[p] == edited.s[p]) ++p;
  while (q < len - p && q < edited.len - p && s[len - 1 - q] == edited.s[edited.len - 1 - q]) ++q;
  return put(off + p,off + len - q,edited.s + p,edited.len - p - q);
}

static int line(unsigned long off,const char *s,unsigned int len,struct dyn_host *h,unsigned int nh,const struct dyn_addr *a,int *full)
{
  int i;
  int r;
  int family;

  i = dyn_line(s,len,h,nh,a,&edited,&family);
  if (i == -2) { errno = ENOMEM; return -1; }
  if (i < 0) {
    if (!dyn_txtline(s,len,h,nh)) return 0;
    /* an ACME challenge line that goes */
    if (!*full) {
      r = put(off,off + len,s,0);
      if (r == -1) return -1;
      if (!r) *full = 1;
    }
    return 1;
  }
  ++h[i].lines;
  if (family == 4) ++h[i].lines4; else ++h[i].lines6;
  if (edited.len == len && byte_equal(edited.s,len,s)) return 0;
  ++h[i].changed;
  if (!*full) {
    r = record(off,s,len);
    if (r == -1) return -1;
    if (!r) *full = 1;
  }
  return 0;
}

/* Counts, for every host, its lines and the lines whose address would
   change, like dyn_pass, and records the changes in dyn_edits: also
   the ACME challenge lines that go (dyn_txtline) and the ones added at
   the end (dyn_txtend). 0 on success; 1 if there were more than
   DYN_EDITMAX edits (the counts are right, the edits are not all
   there: use dyn_pass to write); -1 on error. Lines longer than
   DYN_LINEMAX are not ours. */
/* A quick look before the exact one: most lines of a long file belong
   to no host of this request. A line whose name (without "*." and a
   trailing dot, case ignored, as dyn_line compares it) is none of the
   requested hosts' cannot be one of theirs; dyn_line and dyn_txtline
   then need not look at it. */
static const char *names[DYN_HOSTMAX];
static unsigned int lens[DYN_HOSTMAX];
static unsigned int nnames;

static int maybe(const char *s,unsigned int len)
{
  unsigned int end;
  unsigned int i;
  unsigned int j;
  unsigned int n;
  unsigned char c;

  switch (s[0]) {
    case '\'': return 1; /* ACME challenge lines: dyn_txtline decides */
    case '+': case '=': case ':': case '3': case '6': break;
    default: return 0;
  }
  end = 1 + byte_chr(s + 1,len - 1,':');
  if (end == len) {
    if (end > 1 && s[end - 1] == '\n') --end;
    if (end > 1 && s[end - 1] == '\r') --end;
  }
  i = 1;
  if (end - i >= 2 && s[1] == '*' && s[2] == '.') i = 3;
  if (end > i && s[end - 1] == '.') --end;
  n = end - i;
  s += i;
  for (i = 0;i < nnames;++i) {
    if (lens[i] != n) continue;
    for (j = 0;j < n;++j) {
      c = s[j];
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c != (unsigned char) names[i][j]) break;
    }
    if (j == n) return 1;
  }
  return 0;
}

int dyn_scan(int fd,struct dyn_host *h,unsigned int nh,const struct dyn_addr *a)
{
  unsigned long off = 0;  /* file offset of buf[0] */
  unsigned int have = 0;  /* bytes in buf */
  unsigned int start;     /* first unprocessed byte in buf */
  unsigned int nl;
  unsigned int i;
  int skipping = 0;       /* inside an over-long line */
  int full = 0;
  int endnl = 1;          /* the file so far is empty or ends with a newline */
  int r;

  dyn_nedits = 0;
  dyn_editbytes.len = 0;
  for (i = 0;i < nh;++i) {
    h[i].lines = h[i].lines4 = h[i].lines6 = 0; h[i].changed = 0;
    h[i].txtlines = h[i].txtgone = 0; h[i].txtfound = 0;
  }
  nnames = 0;
  for (i = 0;i < nh;++i)
    if (h[i].ok && h[i].allowed) {
      names[nnames] = h[i].name.s; /* lower case already */
      lens[nnames++] = h[i].name.len;
    }
  for (;;) {
    r = read(fd,buf + have,sizeof buf - have);
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    if (r == 0) {
      if (have && !skipping && maybe(buf,have)) {
        /* a last line without newline */
        r = line(off,buf,have,h,nh,a,&full);
        if (r == -1) return -1;
        if (r == 1) endnl = 1; /* it goes: the line before ends the file */
      }
      if (!dyn_txtend(h,nh,&edited)) { errno = ENOMEM; return -1; }
      if (edited.len && !full) {
        /* appended, after a newline if the file lacks its last one */
        r = endnl ? 1 : put(off + have,off + have,"\n",1);
        if (r == 1) r = put(off + have,off + have,edited.s,edited.len);
        if (r == -1) return -1;
        if (!r) full = 1;
      }
      return full;
    }
    endnl = buf[have + r - 1] == '\n';
    have += r;
    start = 0;
    for (;;) {
      nl = byte_chr(buf + start,have - start,'\n');
      if (start + nl == have) break;
      if (skipping) skipping = 0;
      else if (maybe(buf + start,nl + 1) && line(off + start,buf + start,nl + 1,h,nh,a,&full) == -1) return -1;
      start += nl + 1;
    }
    if (start == 0 && have == sizeof buf) {
      /* no newline in a whole buffer: an over-long line, not ours */
      skipping = 1;
      start = have;
    }
    byte_copy(buf,have - start,buf + start);
    off += start;
    have -= start;
  }
}
