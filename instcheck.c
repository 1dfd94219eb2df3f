#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "stralloc.h"
#include "strerr.h"
#include "hier.h"

#define FATAL "instcheck: fatal: "
#define WARNING "instcheck: warning: "

/* Checks that what hier() lists is installed: directories exist, each
   file is a regular file with the listed mode (and owner, where one is
   listed) and the same bytes as the file in the build directory. Warns
   about every problem; exits 111 if there was one. */

static stralloc path;
static int problems;
static char space1[BUFFER_INSIZE];
static char space2[BUFFER_INSIZE];

static void nomem(void)
{
  strerr_die(111,FATAL,"out of memory",0,0,0);
}

static void problem(const char *fn,const char *what,int e)
{
  strerr_warn(WARNING,fn,what,0,e);
  ++problems;
}

static void join(const char *home,const char *sub,const char *file)
{
  if (!stralloc_copys(&path,home)) nomem();
  if (sub) if (!stralloc_cats(&path,"/") || !stralloc_cats(&path,sub)) nomem();
  if (file) if (!stralloc_cats(&path,"/") || !stralloc_cats(&path,file)) nomem();
  if (!stralloc_0(&path)) nomem();
}

static void checkdir(void)
{
  struct stat st;

  if (stat(path.s,&st) == -1) { problem(path.s,": unable to stat",errno); return; }
  if (!S_ISDIR(st.st_mode)) problem(path.s,": not a directory",0);
}

void h(const char *home,int uid,int gid,int mode)
{
  (void) uid; (void) gid; (void) mode; /* existing homes keep their own */
  join(home,0,0);
  checkdir();
}

void d(const char *home,const char *sub,int uid,int gid,int mode)
{
  (void) uid; (void) gid; (void) mode;
  join(home,sub,0);
  checkdir();
}

/* 1 if the two files hold the same bytes, 0 if not, -1 on error */
static int samebytes(int fd1,int fd2)
{
  buffer b1;
  buffer b2;
  int r1;
  int r2;
  int n;

  buffer_init(&b1,buffer_unixread,fd1,space1,sizeof space1);
  buffer_init(&b2,buffer_unixread,fd2,space2,sizeof space2);
  for (;;) {
    r1 = buffer_feed(&b1);
    if (r1 == -1) return -1;
    r2 = buffer_feed(&b2);
    if (r2 == -1) return -1;
    if (!r1 || !r2) return r1 == r2;
    n = r1 < r2 ? r1 : r2;
    if (byte_diff(buffer_peek(&b1),n,buffer_peek(&b2))) return 0;
    buffer_seek(&b1,n);
    buffer_seek(&b2,n);
  }
}

void c(const char *home,const char *sub,const char *file,int uid,int gid,int mode)
{
  struct stat st;
  int fd1;
  int fd2;
  int same;

  join(home,sub,file);
  if (lstat(path.s,&st) == -1) { problem(path.s,": unable to stat",errno); return; }
  if (!S_ISREG(st.st_mode)) { problem(path.s,": not a regular file",0); return; }
  if ((int) (st.st_mode & 07777) != mode) problem(path.s,": wrong permissions",0);
  if (uid != -1 && st.st_uid != (uid_t) uid) problem(path.s,": wrong owner",0);
  if (gid != -1 && st.st_gid != (gid_t) gid) problem(path.s,": wrong group",0);

  fd1 = open(file,O_RDONLY | O_CLOEXEC);
  if (fd1 == -1) { problem(file,": unable to read",errno); return; }
  fd2 = open(path.s,O_RDONLY | O_CLOEXEC);
  if (fd2 == -1) { problem(path.s,": unable to read",errno); close(fd1); return; }
  same = samebytes(fd1,fd2);
  if (same == -1) problem(path.s,": unable to compare",errno);
  else if (!same) problem(path.s,": differs from the build",0);
  close(fd1);
  close(fd2);
}

int main(void)
{
  hier();
  if (problems) strerr_die(111,FATAL,"the installation is not complete",0,0,0);
  return 0;
}
