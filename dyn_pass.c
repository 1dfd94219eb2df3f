#include <errno.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "byte.h"
#include "stralloc.h"
#include "dyn.h"

/* The rewrite engine: one pass over the data file, every line through
   dyn_line. It reads the file once, a buffer at a time; the bytes that
   change are kept as edits, and everything else is copied around them
   by the kernel (dyn_copy), never through this process line by line. */

#define BUFSIZE (DYN_LINEMAX + 1) /* a longest line and its newline */
static char buf[BUFSIZE + 64];     /* and room for newlines() past it */
static stralloc edited;
static stralloc tail;

/* file bytes [from,to) become s[0..len); 0 if e is full */
static int put(struct dyn_edits *e,unsigned int max,unsigned long from,unsigned long to,const char *s,unsigned int len)
{
  struct dyn_edit *x;

  if (e->n >= max) return 0;
  x = &e->e[e->n];
  x->from = from;
  x->to = to;
  x->pos = e->bytes.len;
  x->len = len;
  if (!stralloc_catb(&e->bytes,s,len)) { errno = ENOMEM; return -1; }
  ++e->n;
  return 1;
}

struct pass {
  struct dyn_edits *e;
  unsigned int max;
  int fdin;
  int fdout;             /* -1: count only */
  unsigned long copied;  /* bytes of the file already written to fdout */
  int lost;              /* count only: some edits did not fit */
};

/* makes room for one more edit of bytes from off on: 1 if there is
   room, 0 if it is lost (count only), -1 on error */
static int room(struct pass *p,unsigned long off)
{
  if (p->e->n < p->max) return 1;
  if (p->fdout == -1) { p->lost = 1; return 0; }
  if (dyn_copy(p->fdin,p->copied,off,p->e,p->fdout) == -1) return -1;
  p->copied = off;
  p->e->n = 0;
  p->e->bytes.len = 0;
  return 1;
}

/* the line s[0..len) at file offset off: the request of b it belongs
   to, if any, decides (dyn_line); an expired ACME challenge line goes
   whoever's it is. 1 if it changes, 0 if not, -1 on error */
static int line(struct pass *p,struct dyn_batch *b,unsigned long off,const char *s,unsigned int len)
{
  struct dyn_req *q;
  unsigned int start;
  unsigned int n;
  unsigned int a = 0;
  unsigned int z = 0;
  int r;

  if (b->each) {
    if (b->each(b->arg,s,len) == -1) { p->e->why = "unable to list"; return -1; }
    return 0;
  }
  if (!dyn_linename(s,len,&start,&n)) return 0;
  q = dyn_batch_find(b,s + start,n);
  if (!q) {
    if (s[0] != '\'') return 0;
    q = b->r[0];
  }
  r = dyn_line(q,s,len,&edited);
  if (r == -1) {
    p->e->why = errno == ENOMEM ? "out of memory" : "unable to read " DYN_CDB;
    return -1;
  }
  if (!r) return 0;
  r = room(p,off);
  if (r <= 0) return r ? -1 : 1;
  /* only the bytes that differ */
  while (a < len && a < edited.len && s[a] == edited.s[a]) ++a;
  while (z < len - a && z < edited.len - a && s[len - 1 - z] == edited.s[edited.len - 1 - z]) ++z;
  /* a line that goes may leave edited.s null: no pointer arithmetic on it */
  if (put(p->e,p->max,off + a,off + len - z,edited.len ? edited.s + a : "",edited.len - a - z) == -1) return -1;
  return 1;
}

/* Bit i set: s[i] is a newline, for i < 64. Most lines are skipped
   after a look at their first bytes, so finding where lines begin is
   most of a pass: 16 bytes at a time where the machine has SSE2 (every
   x86-64), one at a time elsewhere. */
static unsigned long long newlines(const char *s)
{
#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8('\n');
  unsigned long long m[4];
  int i;

  for (i = 0;i < 4;++i)
    m[i] = (unsigned int) _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + 16 * i)),nl));
  return m[0] | m[1] << 16 | m[2] << 32 | m[3] << 48;
#else
  unsigned long long m = 0;
  int i;

  for (i = 0;i < 64;++i) if (s[i] == '\n') m |= 1ULL << i;
  return m;
#endif
}

/* 1 if the line s[0..len) is surely none of b's: its bytes 1..8 are
   none of b's keys; most lines of a file are, for a batch of few */
static int skippable(const struct dyn_batch *b,const char *s,unsigned int len)
{
  unsigned int x;

  if (b->unfiltered || b->each || len < 9) return 0;
  x = dyn_filterbit(s + 1);
  return !((b->filter[x >> 3] >> (x & 7)) & 1);
}

/* Runs the requests of batch b (at least one) over the data file
   fdin, from its start: dyn_line sees every line of at most
   DYN_LINEMAX bytes (newline not counted) with the request it belongs
   to; longer ones, and what follows them up to the next newline, are
   nobody's (the one long-line rule); at the end come the lines the
   requests add (dyn_txtend). The hosts' counts are set from scratch.
   fdout -1: a scan (dyn_scan); else the edited file is written to
   fdout (dyn_write). -1 on error, errno set and e->why. e->size gets
   the size of the file read. */
static int pass(struct dyn_batch *b,int fdin,int fdout,struct dyn_edits *e)
{
  struct pass p;
  unsigned long off = 0;  /* file offset of buf[0] */
  unsigned int have = 0;  /* bytes in buf */
  unsigned int start;     /* first unprocessed byte in buf */
  unsigned int nl;
  unsigned int blk;
  unsigned long long m;
  unsigned int i;
  unsigned int k;
  struct dyn_req *q;
  int skipping = 0;       /* inside an over-long line */
  int stop = e->stop && fdout == -1;
  int x;
  int endnl = 1;          /* the file so far is empty or ends with a newline */
  int r;

  p.e = e;
  e->why = 0;
  p.max = e->max && e->max < DYN_EDITMAX ? e->max : DYN_EDITMAX;
  p.fdin = fdin;
  p.fdout = fdout;
  p.copied = 0;
  p.lost = 0;
  if (fdout == -1) off = e->next; /* a stopped scan goes on */
  e->next = 0;
  e->stop = 0;
  e->lost = 0;
  if (!off) {
    e->n = 0;
    e->bytes.len = 0;
    for (k = 0;k < b->n;++k) {
      q = b->r[k];
      if (q->mode == DYN_TAKE) q->add.len = 0;
      for (i = 0;i < q->nh;++i) byte_zero((char *) &q->h[i].c,sizeof q->h[i].c);
    }
  }
  if (lseek(fdin,(off_t) off,SEEK_SET) == -1) { e->why = "unable to read data file"; return -1; }

  for (;;) {
    r = read(fdin,buf + have,BUFSIZE - have);
    if (r == -1) { if (errno == EINTR) continue; e->why = "unable to read data file"; return -1; }
    if (r == 0) break;
    endnl = buf[have + r - 1] == '\n';
    have += r;
    start = 0;
    for (blk = 0;blk < have;blk += 64) {
      m = newlines(buf + blk); /* bytes past have: whatever, masked */
      if (have - blk < 64) m &= (1ULL << (have - blk)) - 1;
      for (;m;m &= m - 1) {
        nl = blk + (unsigned int) __builtin_ctzll(m); /* the lowest set bit */
        if (skipping) skipping = 0;
        else if (!skippable(b,buf + start,nl + 1 - start)) {
          x = line(&p,b,off + start,buf + start,nl + 1 - start);
          if (x == -1) return -1;
          /* an ACME line that goes in a look is one past its time
             (a request's own values are known only after a first
             pass): not the request's change, no reason to stop */
          if (x && stop && buf[start] != '\'') { e->next = off + nl + 1; return 0; }
        }
        start = nl + 1;
      }
    }
    if (start == 0 && have == BUFSIZE) {
      /* no newline in a whole buffer: an over-long line, not ours */
      skipping = 1;
      start = have;
    }
    byte_copy(buf,have - start,buf + start);
    off += start;
    have -= start;
  }

  if (have && !skipping) {
    /* a last line without newline */
    r = line(&p,b,off,buf,have);
    if (r == -1) return -1;
    if (r == 1 && !edited.len) endnl = 1; /* it goes: the line before ends the file */
  }
  e->size = off + have;
  if (!stralloc_copys(&tail,endnl ? "" : "\n")) { errno = ENOMEM; return -1; }
  for (k = 0;k < b->n;++k) {
    if (!dyn_txtend(b->r[k],&edited) || !stralloc_cat(&tail,&edited)) { errno = ENOMEM; return -1; }
  }
  if (tail.len > !endnl) {
    /* appended, after a newline if the file lacks its last one */
    r = room(&p,e->size);
    if (r == -1) return -1;
    if (r && put(e,p.max,e->size,e->size,tail.s,tail.len) == -1) return -1;
  }
  if (fdout == -1) { e->lost = p.lost; return 0; }
  if (dyn_copy(fdin,p.copied,e->size,e,fdout) == -1) { e->why = "unable to write temporary file"; return -1; }
  return 0;
}

/* what failed, where the pass did not say: memory, or the writing */
static int failed(struct dyn_edits *e)
{
  if (!e->why) e->why = errno == ENOMEM ? "out of memory" : "unable to write temporary file";
  return -1;
}

/* A scan: the edits are recorded in e (at most e->max, DYN_EDITMAX if
   0) for dyn_copy; e->lost says there were more. With e->stop (for
   this scan only: it is cleared), it stops after the first line that
   changes (before the last), its counts and edits so far kept, and
   e->next says where the next line starts: the next scan with this e
   goes on from there, as if it had never stopped (a look asks only
   whether anything changes; whoever applies the change finishes the
   scan, dyn_apply). 0, or -1 (errno, e->why). */
int dyn_scan(struct dyn_batch *b,int fdin,struct dyn_edits *e)
{
  return pass(b,fdin,-1,e) == -1 ? failed(e) : 0;
}

/* The edited file written to fdout, e being the window of edits not
   yet written. 0, or -1 (errno, e->why). */
int dyn_write(struct dyn_batch *b,int fdin,int fdout,struct dyn_edits *e)
{
  return pass(b,fdin,fdout,e) == -1 ? failed(e) : 0;
}
