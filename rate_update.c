#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "byte.h"
#include "buffer.h"
#include "getln.h"
#include "scan.h"
#include "stralloc.h"
#include "replace.h"
#include "rate.h"

/* A rate file holds one line per key: "key first last count". Read and
   written only under the data lock. It never grows without bound:
   entries whose last event is a window old are dropped, and at most
   RATE_ENTRYMAX are kept. Losing it (crash, disk full) only forgets
   some events, so it is replaced atomically but not fsynced. */

static stralloc line;
static struct replace tmp;
static char inspace[8192];
static char outspace[8192];

static int parse(const char *s,unsigned int len,unsigned int *klen,unsigned long *v)
{
  unsigned int i;
  unsigned int j;
  unsigned int n;

  *klen = byte_chr(s,len,' ');
  if (!*klen || *klen == len) return 0;
  i = *klen + 1;
  for (j = 0;j < 3;++j) {
    n = scan_ulong(s + i,&v[j]);
    if (!n) return 0;
    i += n;
    if (j < 2) { if (i >= len || s[i] != ' ') return 0; ++i; }
  }
  return 1;
}

static int putentry(buffer *b,const char *k,unsigned int klen,unsigned long first,unsigned long last,unsigned long count)
{
  static stralloc x;
  if (!stralloc_copyb(&x,k,klen)) return -1;
  if (!stralloc_append(&x,' ') || !stralloc_catulong(&x,first)) return -1;
  if (!stralloc_append(&x,' ') || !stralloc_catulong(&x,last)) return -1;
  if (!stralloc_append(&x,' ') || !stralloc_catulong(&x,count)) return -1;
  if (!stralloc_append(&x,'\n')) return -1;
  return buffer_put(b,x.s,x.len);
}

/* One pass over the rate file fdin (from its start). With fill, lines
   of the keys fill k. Other entries still in their window are "kept":
   without out, returns how many; with out, copies them there, but
   the first drop of them, and returns how many it copied. -1 on
   error. */
static long pass(int fdin,struct rate_key *k,unsigned int n,unsigned long now,unsigned long window,int fill,buffer *out,unsigned long drop)
{
  buffer in;
  unsigned long v[3];
  unsigned long seen = 0;
  unsigned int klen;
  unsigned int i;
  int match;

  if (lseek(fdin,0,SEEK_SET) == -1) return -1;
  buffer_init(&in,buffer_unixread,fdin,inspace,sizeof inspace);
  for (;;) {
    if (getln(&in,&line,&match,'\n',RATE_LINEMAX) == -1) return -1;
    if (!line.len) break;
    if (!match) {
      if (line.len < RATE_LINEMAX) break; /* a torn last line */
      do if (getln(&in,&line,&match,'\n',RATE_LINEMAX) == -1) return -1;
      while (!match && line.len);
      continue;
    }
    if (!parse(line.s,line.len - 1,&klen,v)) continue;
    /* expired; an event after now (the clock went back, or a request
       read before it was counted) is live, but one more than a window
       ahead is from a clock that was wrong */
    if (v[1] > now ? v[1] - now > window : now - v[1] >= window) continue;
    for (i = 0;i < n;++i)
      if (k[i].len == klen && byte_equal(k[i].s,klen,line.s)) break;
    if (i < n) {
      if (!fill) continue;
      if (v[0] > now || now - v[0] < window) { k[i].first = v[0]; k[i].count = v[2]; }
      k[i].last = v[1];
      continue; /* written below, with the new event */
    }
    if (seen++ < drop || !out) continue;
    if (buffer_put(out,line.s,line.len) == -1) return -1;
  }
  return out ? seen - drop : seen;
}

/* Looks the keys up in the rate file fn (missing: empty), with windows
   of window seconds ending now: a key's first/last/count describe its
   current window (count 0 if none). With write, every key with bump
   set counts one more event at now, and fn is rewritten (dropping old
   entries). 0 on success, -1 on error (errno).

   The file is in the order of the entries' last events: a key written
   goes to the end. When more than RATE_ENTRYMAX entries would remain,
   the first ones, whose last event is the oldest, go: keeping the
   first ones instead would forget the hosts and addresses seen last,
   which are the ones a limit is about. */
int rate_update(const char *fn,struct rate_key *k,unsigned int n,unsigned long now,unsigned long window,int write)
{
  buffer out;
  unsigned long drop = 0;
  unsigned int i;
  long kept;
  int fdin;
  int fdout = -1;

  for (i = 0;i < n;++i) { k[i].first = now; k[i].last = 0; k[i].count = 0; }
  fdin = open(fn,O_RDONLY | O_CLOEXEC);
  if (fdin == -1 && errno != ENOENT) return -1;
  if (write) {
    if (replace_open(&tmp,fn,0600) == -1) goto fail;
    fdout = tmp.fd;
    buffer_init(&out,buffer_unixwrite,fdout,outspace,sizeof outspace);
  }
  if (fdin != -1) {
    if (write) {
      kept = pass(fdin,k,n,now,window,0,0,0);
      if (kept == -1) goto fail;
      if (kept > RATE_ENTRYMAX - n) drop = kept - (RATE_ENTRYMAX - n);
    }
    if (pass(fdin,k,n,now,window,1,write ? &out : 0,drop) == -1) goto fail;
  }
  if (write) {
    for (i = 0;i < n;++i) {
      if (k[i].bump) {
        if (!k[i].count) k[i].first = now;
        ++k[i].count;
        k[i].last = now;
      }
      if (k[i].count && putentry(&out,k[i].s,k[i].len,k[i].first,k[i].last,k[i].count) == -1) goto fail;
    }
    if (buffer_flush(&out) == -1) goto fail;
    fdout = -1;
    if (replace_commit(&tmp,0) == -1) goto fail;
  }
  if (fdin != -1) close(fdin);
  return 0;

  fail:
  i = errno;
  if (fdin != -1) close(fdin);
  if (fdout != -1) replace_abort(&tmp);
  errno = i;
  return -1;
}
