#include <errno.h>
#include <stdio.h> /* rename */
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "byte.h"
#include "str.h"
#include "datadir.h"
#include "replace.h"

/* Creates the temporary file for a new version of fn, with mode: a
   name no one else uses (pid, time, a counter), O_EXCL and O_NOFOLLOW
   so that nothing planted under that name is followed or reused.
   0 on success, -1 on error (errno). */
int replace_open(struct replace *r,const char *fn,int mode)
{
  static unsigned long n;

  r->fn = fn;
  r->fd = -1;
  if (!stralloc_copys(&r->tmp,fn) || !stralloc_cats(&r->tmp,DATADIR_TMP)
      || !stralloc_catulong(&r->tmp,(unsigned long) getpid())
      || !stralloc_append(&r->tmp,'.')
      || !stralloc_catulong(&r->tmp,(unsigned long) time(0))
      || !stralloc_append(&r->tmp,'.')
      || !stralloc_catulong(&r->tmp,++n)
      || !stralloc_0(&r->tmp)) { errno = ENOMEM; return -1; }
  r->fd = open(r->tmp.s,O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,mode);
  if (r->fd == -1) return -1;
  /* the umask may have taken bits away */
  if (fchmod(r->fd,mode) == -1) { replace_abort(r); return -1; }
  return 0;
}

/* Removes the temporary file; errno is kept. */
void replace_abort(struct replace *r)
{
  int e = errno;
  if (r->fd != -1) close(r->fd);
  r->fd = -1;
  unlink(r->tmp.s);
  errno = e;
}

/* The new version is complete: with sync, on disk (fsync); closed.
   0 on success; -1 on error, the temporary file removed. */
int replace_done(struct replace *r,int sync)
{
  if (sync && fsync(r->fd) == -1) { replace_abort(r); return -1; }
  if (close(r->fd) == -1) { r->fd = -1; replace_abort(r); return -1; }
  r->fd = -1;
  return 0;
}

/* Puts the new version in place. 0 on success; -1 on error, the
   temporary file removed. */
int replace_rename(struct replace *r)
{
  if (rename(r->tmp.s,r->fn) == -1) { replace_abort(r); return -1; }
  return 0;
}

/* The directory holding fn, opened (close-on-exec) to be synced: its
   descriptor, or -1. */
int replace_dir(const char *fn)
{
  static stralloc dir;
  unsigned int slash = str_len(fn);

  while (slash && fn[slash - 1] != '/') --slash;
  if (!slash) return open(".",O_RDONLY | O_CLOEXEC);
  if (!stralloc_copyb(&dir,fn,slash) || !stralloc_0(&dir)) { errno = ENOMEM; return -1; }
  return open(dir.s,O_RDONLY | O_CLOEXEC);
}

/* Makes a rename in the directory holding fn durable. 0 or -1. */
int replace_syncdir(const char *fn)
{
  int fd;
  int r;

  fd = replace_dir(fn);
  if (fd == -1) return -1;
  r = fsync(fd);
  close(fd);
  return r;
}

/* replace_done, replace_rename and, with sync, replace_syncdir: the
   whole replacement. Without sync it is atomic but not durable, for
   files whose loss in a crash costs nothing. 0 or -1 (errno). */
int replace_commit(struct replace *r,int sync)
{
  if (replace_done(r,sync) == -1) return -1;
  if (replace_rename(r) == -1) return -1;
  if (sync && replace_syncdir(r->fn) == -1) return -1;
  return 0;
}
