#include <errno.h>
#include <unistd.h>
#include "deadline.h"
#include "dyn.h"

static struct dyn_edits e;

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
    for (i = 0;i < b->r[k]->nh;++i) if (b->r[k]->h[i].c.changed) return 1;
  return 0;
}

/* the file fd as seen says it was: renamed into place, never written
   in place, so the same version */
static int same(const struct dyn_seen *seen,const struct stat *sb)
{
  return seen->dev == (unsigned long long) sb->st_dev && seen->ino == (unsigned long long) sb->st_ino
      && seen->size == (unsigned long long) sb->st_size
      && seen->sec == (unsigned long long) sb->st_mtim.tv_sec && seen->nsec == (unsigned long long) sb->st_mtim.tv_nsec;
}

static int fail(struct dyn_txn *t,const char **why,const char *reason)
{
  dyn_txn_abandon(t);
  *why = reason;
  return -1;
}

/* Applies the requests of batch b to the data file of transaction t
   (locked, its generation numbers read) in one rewrite: one scan to
   count (two for TXT requests, whose hosts need address lines), the
   PTR rule (dyn_ptr), the abuse limits, one write, one fsync, one
   rename (dyn_txn). Returns 1 if the file was replaced (t->fdin is
   then the replaced version, still open: whoever closes it last pays
   for freeing its blocks and page cache, 1.2 ms at 100,000 lines, so
   the caller chooses where: dyn_publish, beside make), 0 if nothing
   had to change (nothing written), 2 if nothing was done because a
   waiting change's handler may give up within DYN_MARGIN seconds
   (late: try again without it), -1 on error with errno and *why set;
   the file is then as it was and no temporary file is left. seen, if
   not 0, is what a look at the file found for the batch's one request:
   if the file is still that version, its counts and edits stand (and
   the look's scan goes on from where it stopped, if it did). */
int dyn_apply(struct dyn_batch *b,struct dyn_txn *t,const struct dyn_seen *seen,const char **why)
{
  struct dyn_edits *ed = &e;
  unsigned int k;
  int marked;

  if (dyn_txn_open(t,why) == -1) return -1;
  if (seen && b->n == 1 && same(seen,&t->st)) {
    ed = seen->e;
    if (ed->next && dyn_count(b,t->fdin,ed) == -1) return fail(t,why,ed->why);
  }
  else if (dyn_count(b,t->fdin,ed) == -1) return fail(t,why,ed->why);
  /* hosts whose PTR would fall in a zone the data serves are left out */
  marked = 0;
  for (k = 0;k < b->n;++k) marked += dyn_ptr(b->r[k]);
  if (marked && dyn_scan(b,t->fdin,ed) == -1) return fail(t,why,ed->why);
  if (!changes(b)) { dyn_txn_abandon(t); return 0; }
  marked = dyn_abuse(b,t->fn,0);
  if (marked == -1) return fail(t,why,"unable to read abuse file");
  if (marked) {
    /* some hosts are left out: look again without them */
    if (dyn_scan(b,t->fdin,ed) == -1) return fail(t,why,ed->why);
    if (!changes(b)) { dyn_txn_abandon(t); return 0; }
  }

  if (dyn_txn_new(t,why) == -1) return fail(t,why,*why);
  /* too many edits to remember: the same pass again, writing */
  if (ed->lost ? dyn_write(b,t->fdin,t->r.fd,ed) == -1 : dyn_copy(t->fdin,0,ed->size,ed,t->r.fd) == -1)
    return fail(t,why,"unable to write temporary file");
  if (dyn_txn_sync(t,why) == -1) return fail(t,why,*why);
  /* the write took long (a slow disk, a stopped leader): a waiting
     change whose handler gives up soon goes back (2), nothing done */
  if (late(b)) { dyn_txn_abandon(t); return 2; }
  if (dyn_txn_commit(t,why) == -1) return fail(t,why,*why);
  /* the change is made: failing to count it only forgets one event */
  dyn_abuse(b,t->fn,1);
  return 1;
}
