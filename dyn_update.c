#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "replace.h"
#include "dyn.h"

static struct dyn_edits e;
static struct replace r; /* static: its name grows once */

static int fail(const char **why,const char *reason,int fdlock,int fdin)
{
  int x = errno;
  if (fdin != -1) close(fdin);
  if (fdlock != -1) close(fdlock);
  *why = reason;
  errno = x;
  return -1;
}

/* A TXT request may change the challenge values of a host only if the
   user may update it and it has address lines: known after a first
   pass. Returns how many hosts it marks. */
static unsigned int txtmark(struct dyn_req *q)
{
  unsigned int i;
  unsigned int n = 0;

  for (i = 0;i < q->nh;++i) {
    q->h[i].txt = q->mode == DYN_TXT && q->h[i].ok && q->h[i].allowed && q->h[i].lines;
    if (q->h[i].txt) ++n;
  }
  return n;
}

static int changes(const struct dyn_req *q)
{
  unsigned int i;
  for (i = 0;i < q->nh;++i) if (q->h[i].changed) return 1;
  return 0;
}

/* Edits the data file fn in the current directory for request q,
   under its data lock (dyn_lock, waiting at most wait seconds).
   Returns 1 if fn was replaced, 0 if nothing had to change (nothing
   written), -1 on error with errno and *why set; fn is then as it was
   and no temporary file is left. *st gets the generation numbers
   after the edit: this request's change is published once built
   reaches written. Every write also drops expired ACME lines. A host
   whose = or 6 line would publish a PTR in a zone DYN_CDB serves is
   left out whole (dyn_ptr). */
int dyn_update(struct dyn_req *q,const char *fn,unsigned int wait,struct dyn_state *st,const char **why)
{
  struct stat sb;
  int fdlock;
  int fdin;
  int lost;
  int marked;
  unsigned int i;

  fdlock = dyn_lock(fn,wait,st,why);
  if (fdlock == -1) return -1;
  fdin = open(fn,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) return fail(why,"unable to open data file",fdlock,-1);
  if (fstat(fdin,&sb) == -1) return fail(why,"unable to stat data file",fdlock,fdin);
  for (i = 0;i < q->nh;++i) q->h[i].txt = 0;
  lost = dyn_pass(q,fdin,-1,&e);
  if (lost != -1 && txtmark(q)) lost = dyn_pass(q,fdin,-1,&e);
  if (lost == -1) return fail(why,"unable to read data file",fdlock,fdin);
  marked = dyn_ptr(q,DYN_CDB);
  if (marked == -1) return fail(why,"unable to read " DYN_CDB,fdlock,fdin);
  if (marked) {
    /* hosts whose PTR would fall in a served zone are left out */
    lost = dyn_pass(q,fdin,-1,&e);
    if (lost == -1) return fail(why,"unable to read data file",fdlock,fdin);
  }
  if (!changes(q)) { close(fdin); close(fdlock); return 0; }
  marked = dyn_abuse(q,fn,0);
  if (marked == -1) return fail(why,"unable to read abuse file",fdlock,fdin);
  if (marked) {
    /* some hosts are left out: look again without them */
    lost = dyn_pass(q,fdin,-1,&e);
    if (lost == -1) return fail(why,"unable to read data file",fdlock,fdin);
    if (!changes(q)) { close(fdin); close(fdlock); return 0; }
  }

  if (dyn_cleantemp(fn) == -1) return fail(why,"unable to clean temporary files",fdlock,fdin);
  if (replace_open(&r,fn,sb.st_mode & 07777) == -1) return fail(why,"unable to create temporary file",fdlock,fdin);
  /* too many edits to remember: the same pass again, writing */
  if (lost ? dyn_pass(q,fdin,r.fd,&e) == -1 : dyn_copy(fdin,0,e.size,&e,r.fd) == -1) {
    replace_abort(&r);
    return fail(why,"unable to write temporary file",fdlock,fdin);
  }
  if (replace_done(&r,1) == -1) return fail(why,"unable to write temporary file",fdlock,fdin);
  close(fdin);
  /* count the generation first: dying between the two costs a make,
     never a change that looks published but is not */
  ++st->written;
  if (dyn_state_write(fdlock,st) == -1) { replace_abort(&r); return fail(why,"unable to write lock file",fdlock,-1); }
  if (replace_rename(&r) == -1) return fail(why,"unable to replace data file",fdlock,-1);
  /* the change is made: failing to count it only forgets one event */
  dyn_abuse(q,fn,1);
  close(fdlock);
  /* the rename reaches the disk before anyone is told good, but the
     next writer need not wait for it */
  replace_syncdir(fn);
  return 1;
}
