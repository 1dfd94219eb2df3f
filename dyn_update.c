#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "stralloc.h"
#include "deadline.h"
#include "dyn.h"

static struct dyn_batch b;
static struct dyn_edits e;
static struct dyn_req *waiting[DYN_BATCHMAX]; /* made as needed */
static unsigned int room[DYN_BATCHMAX];
static stralloc waitid[DYN_BATCHMAX];
static stralloc id;

static int changes(const struct dyn_req *q)
{
  unsigned int i;
  for (i = 0;i < q->nh;++i) if (q->h[i].changed) return 1;
  return 0;
}

static struct dyn_seen seen;

/* A look at the data file as it is, without the lock (a rename makes
   an open file a snapshot): 1 if request q would change it, 0 if not
   (the counts in q then answer it), -1 on error. What it found is kept
   in seen. It stops at the first line that changes: a change in a
   burst, applied by a leader, costs its handler only the lines before
   its host's; one that leads alone finishes the count (dyn_apply). */
static int look(struct dyn_req *q,const char *fn)
{
  struct stat sb;
  unsigned int i;
  int fd;
  int r;

  fd = open(fn,O_RDONLY | O_CLOEXEC);
  if (fd == -1) return -1;
  dyn_batch_start(&b);
  dyn_batch_add(&b,q);
  e.stop = 1;
  e.next = 0;
  r = fstat(fd,&sb);
  if (r != -1) r = dyn_count(&b,fd,&e);
  i = errno;
  close(fd);
  errno = i;
  if (r == -1) return -1;
  seen.e = &e;
  seen.lost = r;
  seen.dev = sb.st_dev;
  seen.ino = sb.st_ino;
  seen.size = sb.st_size;
  seen.sec = sb.st_mtim.tv_sec;
  seen.nsec = sb.st_mtim.tv_nsec;
  return r == 2 || changes(q);
}

/* waiting change i moves to place k (k <= i) */
static void swap(unsigned int i,unsigned int k)
{
  struct dyn_req *q = waiting[k];
  unsigned int x = room[k];
  stralloc t = waitid[k];

  waiting[k] = waiting[i]; waiting[i] = q;
  room[k] = room[i]; room[i] = x;
  waitid[k] = waitid[i]; waitid[i] = t;
}

/* With the data lock held: q and the changes waiting for a rewrite
   (dyn_spool), as many as fit in one batch, applied in one rewrite;
   every waiting one applied gets its answer. */
static int lead(struct dyn_req *q,const char *fn,int fdlock,int alone,struct dyn_state *st,int *fdold,const char **why)
{
  unsigned long now = (unsigned long) time(0); /* for old answer files */
  unsigned long clock = deadline_clock();     /* for the deadlines */
  unsigned int n = 0;
  unsigned int i;
  unsigned int k;
  int r;

  q->deadline = 0;
  dyn_batch_start(&b);
  dyn_batch_add(&b,q);
  if (!alone)
    for (;;) {
      r = dyn_spool_next(fn,&waitid[n],now);
      if (r == -1) { *why = "unable to read the waiting changes"; return -1; }
      if (!r) break;
      if (n == DYN_BATCHMAX - 1) continue; /* the next rewrite's */
      r = dyn_spool_read(&waiting[n],&room[n],fn,&waitid[n],clock);
      if (r == -1) { *why = "unable to read a waiting change"; return -1; }
      if (r == 2) continue; /* answered: its handler takes it */
      if (r == 1) {
        /* one of its hosts may be in this batch already: then it stays
           for the next rewrite; applied, it stays for its answer */
        if (dyn_batch_add(&b,waiting[n])) ++n;
        continue;
      }
      if (dyn_spool_drop(fn,&waitid[n]) == -1) { *why = "unable to remove a waiting change"; return -1; }
    }
  r = dyn_apply(&b,fn,fdlock,n ? 0 : &seen,st,fdold,why);
  while (r == 2) {
    /* late: the waiting changes whose handlers may give up soon are
       dropped (they answer 911), the others applied without them */
    clock = deadline_clock();
    dyn_batch_start(&b);
    dyn_batch_add(&b,q);
    for (i = 0,k = 0;i < n;++i)
      if (dyn_late(waiting[i]->deadline,clock)) {
        if (dyn_spool_drop(fn,&waitid[i]) == -1) { *why = "unable to remove a waiting change"; return -1; }
      }
      else {
        swap(i,k);
        dyn_batch_add(&b,waiting[k]);
        ++k;
      }
    n = k;
    r = dyn_apply(&b,fn,fdlock,0,st,fdold,why);
  }
  if (r == -1) return -1;
  for (i = 0;i < n;++i) {
    dyn_results(waiting[i]);
    /* a lost answer: its handler finds none, and applies its change
       itself (nochg by then) */
    dyn_spool_answer(waiting[i],fn,&waitid[i],st->written);
  }
  return r;
}

/* Edits the data file fn in the current directory for request q.
   First a look without the lock: a request that changes nothing (the
   most common one) never waits for a writer. Then, if the data lock is
   free, this handler takes it and leads at once; otherwise, unless
   alone, q is left for whoever holds the data lock next (group commit: one
   rewrite applies every change waiting then), and this handler waits
   at most wait seconds for the lock: then either its answer is there,
   or it applies q and whatever waits itself (dyn_apply). Returns 1 if
   q's change was written, 0 if nothing had to change, -1 on error with
   errno and *why set (data file as it was, no temporary file left).
   *st gets the generation numbers: q is published once built reaches
   written. Fills q's counts for dyn_results, or its results. After a
   1 the rename may not be on disk yet: nobody is told good before the
   directory is synced (dyn_publish, while make runs), but the next
   writer need not wait for it. *fdold is -1, or, if this handler
   renamed fn, the replaced version, still open (dyn_apply). */
int dyn_update(struct dyn_req *q,const char *fn,unsigned int wait,int alone,struct dyn_state *st,int *fdold,const char **why)
{
  unsigned long gen;
  int fdlock = -1;
  int fdspool = -1;
  int r;
  int x;

  *fdold = -1;
  r = look(q,fn);
  if (r == -1) { *why = e.why ? e.why : "unable to read data file"; return -1; }
  if (!r) {
    /* opened before the numbers are read: what it saw is published
       once built reaches this written */
    if (dyn_state_peek(fn,st) == -1) {
      if (errno != EAGAIN) { *why = "unable to read lock file"; return -1; }
      /* caught beside a write: read it under the lock */
      fdlock = dyn_lock(fn,wait,st,why);
      if (fdlock == -1) return -1;
      close(fdlock);
    }
    dyn_results(q);
    return 0;
  }
  /* nobody writing: no need to wait, nor to leave the change */
  fdlock = dyn_lock(fn,0,st,why);
  if (fdlock == -1 && errno != ETIMEDOUT) return -1;
  if (fdlock == -1 && !alone) {
    if (!dyn_spool_id(&id)) { errno = ENOMEM; *why = "out of memory"; return -1; }
    fdspool = dyn_spool_put(q,fn,&id,deadline_at());
    /* ENOENT: a leader took the half-made entry for a dead handler's
       and removed it; then this handler applies its change itself */
    if (fdspool == -1 && errno != ENOENT) { *why = "unable to leave a change"; return -1; }
  }
  if (fdlock == -1) fdlock = dyn_lock(fn,wait,st,why);
  if (fdlock == -1) goto fail;
  if (fdspool != -1) {
    r = dyn_spool_result(q,fdspool,&gen);
    if (r == -1) { *why = "unable to read an answer"; goto fail; }
    if (r == 1) {
      /* applied by another handler's rewrite, in generation gen */
      close(fdlock);
      dyn_spool_drop(fn,&id); /* nobody need read it again */
      close(fdspool);
      st->written = gen;
      for (x = 0;x < (int) q->nh;++x) if (q->h[x].result == DYN_GOOD) return 1;
      return 0;
    }
    /* nobody took it: this handler leads */
    if (dyn_spool_drop(fn,&id) == -1) { *why = "unable to remove a waiting change"; goto fail; }
  }
  r = lead(q,fn,fdlock,alone,st,fdold,why);
  if (r == -1) goto fail;
  dyn_results(q);
  close(fdlock);
  if (fdspool != -1) close(fdspool);
  return r;

  fail:
  x = errno;
  if (fdlock != -1) close(fdlock);
  /* nobody need apply it now: this handler answers 911 */
  if (fdspool != -1) { dyn_spool_drop(fn,&id); close(fdspool); }
  errno = x;
  return -1;
}
