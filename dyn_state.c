#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "fmt.h"
#include "scan.h"
#include "stralloc.h"
#include "datadir.h"
#include "dyn.h"

/* The data lock file (fn.lock) holds two generation numbers: written
   (bumped just before every replacement of the data file) and built
   (the written generation that the last successful make started
   from). Both are read and written only under the data lock. An empty
   or unreadable file reads as 0 0, which at worst costs one make. */

int dyn_state_read(int fd,struct dyn_state *st)
{
  char buf[64];
  int r;
  unsigned int i;

  st->written = 0;
  st->built = 0;
  r = pread(fd,buf,sizeof buf - 1,0);
  if (r == -1) return -1;
  buf[r] = 0;
  i = scan_ulong(buf,&st->written);
  if (!i || buf[i] != ' ') { st->written = 0; return 0; }
  if (!scan_ulong(buf + i + 1,&st->built)) st->written = st->built = 0;
  return 0;
}

static unsigned int put20(char *s,unsigned long u)
{
  unsigned int len = fmt_ulong(0,u);
  unsigned int i;

  for (i = 0;i < 20 - len;++i) s[i] = '0';
  fmt_ulong(s + i,u);
  return 20;
}

/* fixed width, one pwrite: a reader under the lock never sees a mix */
int dyn_state_write(int fd,const struct dyn_state *st)
{
  char buf[42];

  put20(buf,st->written);
  buf[20] = ' ';
  put20(buf + 21,st->built);
  buf[41] = '\n';
  if (pwrite(fd,buf,sizeof buf,0) != (int) sizeof buf) {
    if (errno == 0) errno = EIO;
    return -1;
  }
  return 0;
}

/* The generation numbers of the data file fn, without its lock. The
   record is one pwrite of fixed width, but a read beside a write could
   still see part of each: two reads must agree, or it is an error (the
   caller then takes the lock). A missing lock file reads as 0 0. 0 on
   success, -1 on error. */
int dyn_state_peek(const char *fn,struct dyn_state *st)
{
  static stralloc lockfn;
  struct dyn_state again;
  int fd;
  int r;

  if (!datadir_name(&lockfn,fn,DATADIR_LOCK)) { errno = ENOMEM; return -1; }
  fd = open(lockfn.s,O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd == -1) {
    if (errno != ENOENT) return -1;
    st->written = st->built = 0;
    return 0;
  }
  r = dyn_state_read(fd,st);
  if (!r) r = dyn_state_read(fd,&again);
  close(fd);
  if (r) return r;
  if (again.written != st->written || again.built != st->built || st->built > st->written) {
    errno = EAGAIN;
    return -1;
  }
  return 0;
}
