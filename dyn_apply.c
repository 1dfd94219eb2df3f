#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "replace.h"
#include "deadline.h"
#include "dyn.h"

static struct dyn_edits e;
static struct replace r; /* static: its name grows once */

static int fail(const char **why,const char *reason,int fdin)
{
  int x = errno;
  if (fdin != -1) close(fdin);
  *why = reason;
  errno = x;
  return -1;
}

/* 1 if some waiting change of b has a handler that may give up (and
   answer 911) within DYN_MARGIN seconds: it must not be applied then,
   or a change its client was told failed could land after it */
static int late(const struct dyn_batch *b)
{
  unsigned long now = deadline_clock();
  unsigned int k;

  for (k = 0;k < b->n;++k)
    if (b->r[k]->deadline && dyn_late(b->r[k]->deadline,now)) return 1;
  return 0;
}

static int changes(const struct dyn_batch *b)
{
  unsigned int i;
  unsigned int k;

  for (k = 0;k < b->n;++k)
    for (i = 0;i < b->r[k]->nh;++i) if (b->r[k]->h[i].changed) return 1;
  return 0;
}

/* Applies the requests of batch b to the data file fn in the current
   directory in one rewrite: one pass to count (two for TXT requests,
   whose hosts need address lines), the PTR rule (dyn_ptr), the abuse
   limits, one write, one
   fsync, one rename. Call it with the data lock fdlock held and its
   generation numbers in *st; written is counted before the rename.
   Returns 1 if fn was replaced, 0 if nothing had to change (nothing
   written), 2 if nothing was done because a waiting change's handler
   may give up within DYN_MARGIN seconds (late: try again without it),
   -1 on error with errno and *why set; fn is then as it was
   and no temporary file is left. The directory is not synced: the
   caller does it, after letting the lock go. seen, if not 0, is what a
   look at the file found for the batch's one request: if the file is
   still that version, its counts and edits stand (and the look's pass
   goes on from where it stopped, if it did), and the first pass is
   not made again. After a 1, *fdold is the replaced version of fn,
   still open: whoever closes it last pays for freeing its blocks and
   page cache (1.2 ms at 100,000 lines), so the caller chooses where
   (dyn_publish: beside make). */
int dyn_apply(struct dyn_batch *b,const char *fn,int fdlock,const struct dyn_seen *seen,struct dyn_state *st,int *fdold,const char **why)
{
  struct dyn_edits *ed = &e;
  struct stat sb;
  unsigned int k;
  int fdin;
  int lost;
  int marked;

  fdin = open(fn,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) return fail(why,"unable to open data file",-1);
  if (fstat(fdin,&sb) == -1) return fail(why,"unable to stat data file",fdin);
  if (seen && b->n == 1 && seen->dev == (unsigned long long) sb.st_dev
      && seen->ino == (unsigned long long) sb.st_ino && seen->size == (unsigned long long) sb.st_size
      && seen->sec == (unsigned long long) sb.st_mtim.tv_sec && seen->nsec == (unsigned long long) sb.st_mtim.tv_nsec) {
    /* renamed into place, never written in place: the same version */
    ed = seen->e;
    lost = seen->lost;
    if (ed->next) {
      lost = dyn_count(b,fdin,ed);
      if (lost == -1) return fail(why,ed->why ? ed->why : "unable to read data file",fdin);
    }
  }
  else {
    lost = dyn_count(b,fdin,ed);
    if (lost == -1) return fail(why,ed->why ? ed->why : "unable to read data file",fdin);
  }
  /* hosts whose PTR would fall in a zone the data serves are left out */
  marked = 0;
  for (k = 0;k < b->n;++k) marked += dyn_ptr(b->r[k]);
  if (marked) {
    lost = dyn_pass(b,fdin,-1,ed);
    if (lost == -1) return fail(why,ed->why ? ed->why : "unable to read data file",fdin);
  }
  if (!changes(b)) { close(fdin); return 0; }
  marked = dyn_abuse(b,fn,0);
  if (marked == -1) return fail(why,"unable to read abuse file",fdin);
  if (marked) {
    /* some hosts are left out: look again without them */
    lost = dyn_pass(b,fdin,-1,ed);
    if (lost == -1) return fail(why,ed->why ? ed->why : "unable to read data file",fdin);
    if (!changes(b)) { close(fdin); return 0; }
  }

  if (dyn_cleantemp(fn) == -1) return fail(why,"unable to clean temporary files",fdin);
  if (replace_open(&r,fn,sb.st_mode & 07777) == -1) return fail(why,"unable to create temporary file",fdin);
  /* too many edits to remember: the same pass again, writing */
  if (lost ? dyn_pass(b,fdin,r.fd,ed) == -1 : dyn_copy(fdin,0,ed->size,ed,r.fd) == -1) {
    replace_abort(&r);
    return fail(why,"unable to write temporary file",fdin);
  }
  if (replace_done(&r,1) == -1) return fail(why,"unable to write temporary file",fdin);
  /* the write took long (a slow disk, a stopped leader): a waiting
     change whose handler gives up soon goes back (2), nothing done */
  if (late(b)) { replace_abort(&r); close(fdin); return 2; }
  /* count the generation first: dying between the two costs a make,
     never a change that looks published but is not */
  ++st->written;
  if (dyn_state_write(fdlock,st) == -1) { replace_abort(&r); return fail(why,"unable to write lock file",fdin); }
  if (replace_rename(&r) == -1) return fail(why,"unable to replace data file",fdin);
  *fdold = fdin;
  /* the change is made: failing to count it only forgets one event */
  dyn_abuse(b,fn,1);
  return 1;
}
