#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "alloc.h"
#include "byte.h"
#include "stralloc.h"
#include "deadline.h"
#include "dyn.h"

static struct dyn_batch b;
static struct dyn_edits e;
static struct dyn_seen seen;
static struct dyn_txn t;
static struct dyn_req *waiting[DYN_BATCHMAX]; /* read back, kept for reuse */
static stralloc waitid[DYN_BATCHMAX];
static stralloc id;

static int changes(const struct dyn_req *q)
{
  unsigned int i;
  for (i = 0;i < q->nh;++i) if (q->h[i].c.changed) return 1;
  return 0;
}

/* A look at the data file as it is, without the lock (a rename makes
   an open file a snapshot): 1 if request q would change it, 0 if not
   (its counts then answer it), -1 on error. What it found is kept in
   seen. It stops at the first line that changes: a change in a burst,
   applied by a leader, costs its handler only the lines before its
   host's; one that leads alone finishes the count (dyn_apply). */
static int look(struct dyn_req *q,const char *fn,const char **why)
{
  struct stat sb;
  int fd;
  int r;

  fd = open(fn,O_RDONLY | O_CLOEXEC);
  if (fd == -1) { *why = "unable to read data file"; return -1; }
  if (!dyn_batch_start(&b,1,q->nh)) { close(fd); errno = ENOMEM; *why = "out of memory"; return -1; }
  dyn_batch_add(&b,q);
  e.stop = 1;
  e.next = 0;
  r = fstat(fd,&sb);
  if (r == -1) *why = "unable to read data file";
  else if ((r = dyn_count(&b,fd,&e)) == -1) *why = e.why;
  if (r == -1) { r = errno; close(fd); errno = r; return -1; }
  close(fd);
  seen.e = &e;
  seen.dev = sb.st_dev;
  seen.ino = sb.st_ino;
  seen.size = sb.st_size;
  seen.sec = sb.st_mtim.tv_sec;
  seen.nsec = sb.st_mtim.tv_nsec;
  return e.next || changes(q);
}

/* waiting change i moves to place k (k <= i) */
static void swap(unsigned int i,unsigned int k)
{
  struct dyn_req *q = waiting[k];
  stralloc x = waitid[k];

  waiting[k] = waiting[i]; waiting[i] = q;
  waitid[k] = waitid[i]; waitid[i] = x;
}

/* the waiting change of entry waitid[n], read back into waiting[n]
   (made as needed): 1 to apply, 0 not (dropped, answered, or left for
   its handler), -1 on error */
static int readwaiting(unsigned int n,const struct dyn_opts *o,unsigned long clock,const char **why)
{
  int r;

  if (!waiting[n]) {
    waiting[n] = (struct dyn_req *) alloc(sizeof *waiting[n]);
    if (!waiting[n]) { *why = "out of memory"; return -1; }
    byte_zero((char *) waiting[n],sizeof *waiting[n]);
  }
  r = dyn_spool_read(waiting[n],o->data,&waitid[n],clock);
  if (r == -1) { *why = "unable to read a waiting change"; return -1; }
  if (r == 2) return 0; /* answered: its handler takes it */
  if (r == 1) {
    /* its hosts checked again against its user's host list: the entry
       says who asks, never what they may do */
    if (o->recheck && o->recheck(waiting[n]) == -1) { *why = "unable to check a waiting change"; return -1; }
    return 1;
  }
  if (r == 3) { dyn_spool_drop(o->data,&waitid[n]); return 0; } /* not ours: never read */
  if (dyn_spool_drop(o->data,&waitid[n]) == -1) { *why = "unable to remove a waiting change"; return -1; }
  return 0;
}

/* With the data lock held (t): q and the changes waiting for a
   rewrite (dyn_spool), as many as fit in one batch, applied in one
   rewrite; every waiting one applied gets its answer. */
static int lead(struct dyn_req *q,const struct dyn_opts *o,const char **why)
{
  unsigned long clock = deadline_clock(); /* for the deadlines */
  unsigned int n = 0;
  unsigned int i;
  unsigned int k;
  int r;

  q->deadline = 0;
  if (!dyn_batch_start(&b,o->alone ? 1 : DYN_BATCHMAX,o->alone ? q->nh : DYN_BATCHHOSTS)) { errno = ENOMEM; *why = "out of memory"; return -1; }
  b.limits = o->limits;
  dyn_batch_add(&b,q);
  if (!o->alone)
    for (;;) {
      r = dyn_spool_next(o->data,&waitid[n]);
      if (r == -1) { *why = "unable to read the waiting changes"; return -1; }
      if (!r) break;
      if (n == DYN_BATCHMAX - 1) continue; /* the next rewrite's */
      r = readwaiting(n,o,clock,why);
      if (r == -1) return -1;
      /* one of its hosts may be in this batch already: then it stays
         for the next rewrite; applied, it stays for its answer */
      if (r && dyn_batch_add(&b,waiting[n])) ++n;
    }
  r = dyn_apply(&b,&t,n ? 0 : &seen,why);
  while (r == 2) {
    /* late: the waiting changes whose handlers may give up soon are
       dropped (they answer 911), the others applied without them */
    clock = deadline_clock();
    dyn_batch_start(&b,n + 1,DYN_BATCHHOSTS);
    dyn_batch_add(&b,q);
    for (i = 0,k = 0;i < n;++i)
      if (dyn_late(waiting[i]->deadline,clock)) {
        if (dyn_spool_drop(o->data,&waitid[i]) == -1) { *why = "unable to remove a waiting change"; return -1; }
      }
      else {
        swap(i,k);
        dyn_batch_add(&b,waiting[k]);
        ++k;
      }
    n = k;
    r = dyn_apply(&b,&t,0,why);
  }
  if (r == -1) return -1;
  for (i = 0;i < n;++i) {
    dyn_results(waiting[i]);
    /* a lost answer: its handler finds none, and applies its change
       itself (nochg by then) */
    dyn_spool_answer(waiting[i],o->data,&waitid[i],t.state.written);
  }
  return r;
}

/* Edits the data file o->data in the current directory for request q.
   First a look without the lock: a request that changes nothing (the
   most common one) never waits for a writer. Then, if the data lock is
   free, this handler takes it and leads at once; otherwise, unless
   o->alone, q is left for whoever holds the data lock next (group
   commit: one rewrite applies every change waiting then), and this
   handler waits at most o->wait seconds for the lock: then either its
   answer is there, or it applies q and whatever waits itself
   (dyn_apply). Returns 1 if q's change was written, 0 if nothing had
   to change, -1 on error with errno and *why set (data file as it was,
   no temporary file left). Every host of q has its answer (dyn_result)
   after 0 or 1. d->state gets the generation numbers: q is published
   once built reaches written. After a 1 the rename may not be on disk
   yet: nobody is told good before the directory is synced
   (dyn_publish, while make runs), but the next writer need not wait
   for it. d->fdold is -1, or, if this handler renamed the file, the
   replaced version, still open (dyn_apply). */
int dyn_update(struct dyn_req *q,const struct dyn_opts *o,struct dyn_done *d,const char **why)
{
  unsigned long gen;
  int fdspool = -1;
  int r;
  int x;

  d->fdold = -1;
  t.fdlock = -1;
  r = look(q,o->data,why);
  if (r == -1) return -1;
  if (!r) {
    /* opened before the numbers are read: what it saw is published
       once built reaches this written */
    if (dyn_state_peek(o->data,&d->state) == -1) {
      if (errno != EAGAIN) { *why = "unable to read lock file"; return -1; }
      /* caught beside a write: read it under the lock */
      if (dyn_txn_lock(&t,o->data,o->wait,why) == -1) return -1;
      d->state = t.state;
      dyn_txn_unlock(&t);
    }
    dyn_results(q);
    return 0;
  }
  /* nobody writing: no need to wait, nor to leave the change */
  if (dyn_txn_lock(&t,o->data,0,why) == -1) {
    if (errno != ETIMEDOUT) return -1;
    if (!o->alone) {
      if (!dyn_spool_id(&id)) { errno = ENOMEM; *why = "out of memory"; return -1; }
      fdspool = dyn_spool_put(q,o->data,&id,deadline_at());
      /* ENOENT: a leader took the half-made entry for a dead handler's
         and removed it; then this handler applies its change itself */
      if (fdspool == -1 && errno != ENOENT) { *why = "unable to leave a change"; return -1; }
    }
    if (dyn_txn_lock(&t,o->data,o->wait,why) == -1) goto fail;
  }
  if (fdspool != -1) {
    r = dyn_spool_result(q,fdspool,&gen);
    if (r == -1) { *why = "unable to read an answer"; goto fail; }
    if (r == 1) {
      /* applied by another handler's rewrite, in generation gen */
      dyn_txn_unlock(&t);
      dyn_spool_drop(o->data,&id); /* nobody need read it again */
      close(fdspool);
      d->state.written = gen;
      for (x = 0;x < (int) q->nh;++x) if (q->h[x].r.code == DYN_GOOD) return 1;
      return 0;
    }
    /* nobody took it: this handler leads */
    if (dyn_spool_drop(o->data,&id) == -1) { *why = "unable to remove a waiting change"; goto fail; }
  }
  r = lead(q,o,why);
  if (r == -1) goto fail;
  dyn_results(q);
  d->state = t.state;
  if (r == 1) { d->fdold = t.fdin; t.fdin = -1; }
  dyn_txn_unlock(&t);
  if (fdspool != -1) close(fdspool);
  return r;

  fail:
  x = errno;
  dyn_txn_unlock(&t);
  /* nobody need apply it now: this handler answers 911 */
  if (fdspool != -1) { dyn_spool_drop(o->data,&id); close(fdspool); }
  errno = x;
  return -1;
}
