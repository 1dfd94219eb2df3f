#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "stralloc.h"
#include "replace.h"
#include "strerr.h"
#include "hier.h"

#define FATAL "install: fatal: "

/* Makes what hier() lists. Directories that exist are left as they are
   (a shared prefix such as /usr/local keeps its own modes); each file
   is written to a temporary name beside its target, synced, and renamed
   over it, so a running program is never replaced by half a file. */

static stralloc path;
static struct replace tmp;
static char inspace[BUFFER_INSIZE];
static char outspace[BUFFER_OUTSIZE];

static void nomem(void)
{
  strerr_die(111,FATAL,"out of memory",0,0,0);
}

static void join(stralloc *sa,const char *home,const char *sub,const char *file)
{
  if (!stralloc_copys(sa,home)) nomem();
  if (sub) if (!stralloc_cats(sa,"/") || !stralloc_cats(sa,sub)) nomem();
  if (file) if (!stralloc_cats(sa,"/") || !stralloc_cats(sa,file)) nomem();
  if (!stralloc_0(sa)) nomem();
}

static void makedir(const char *fn,int uid,int gid,int mode)
{
  struct stat st;

  if (mkdir(fn,0700) == -1) {
    if (errno != EEXIST) strerr_die(111,FATAL,"unable to create ",fn,0,errno);
    if (stat(fn,&st) == -1) strerr_die(111,FATAL,"unable to stat ",fn,0,errno);
    if (!S_ISDIR(st.st_mode)) strerr_die(111,FATAL,fn," exists and is not a directory",0,0);
    return;
  }
  if (chmod(fn,mode) == -1) strerr_die(111,FATAL,"unable to chmod ",fn,0,errno);
  if (uid != -1 || gid != -1)
    if (chown(fn,uid,gid) == -1) strerr_die(111,FATAL,"unable to chown ",fn,0,errno);
}

void h(const char *home,int uid,int gid,int mode)
{
  join(&path,home,0,0);
  makedir(path.s,uid,gid,mode);
}

void d(const char *home,const char *sub,int uid,int gid,int mode)
{
  join(&path,home,sub,0);
  makedir(path.s,uid,gid,mode);
}

static void failtmp(const char *why,int e)
{
  replace_abort(&tmp);
  strerr_die(111,FATAL,why,tmp.tmp.s,0,e);
}

void c(const char *home,const char *sub,const char *file,int uid,int gid,int mode)
{
  buffer in;
  buffer out;
  int fdin;
  int r;

  join(&path,home,sub,file);
  fdin = open(file,O_RDONLY | O_CLOEXEC);
  if (fdin == -1) strerr_die(111,FATAL,"unable to read ",file,0,errno);
  if (replace_open(&tmp,path.s,mode) == -1) strerr_die(111,FATAL,"unable to create a temporary file beside ",path.s,0,errno);
  buffer_init(&in,buffer_unixread,fdin,inspace,sizeof inspace);
  buffer_init(&out,buffer_unixwrite,tmp.fd,outspace,sizeof outspace);
  for (;;) {
    r = buffer_feed(&in);
    if (r == -1) { r = errno; replace_abort(&tmp); strerr_die(111,FATAL,"unable to read ",file,0,r); }
    if (!r) break;
    if (buffer_put(&out,buffer_peek(&in),r) == -1) failtmp("unable to write ",errno);
    buffer_seek(&in,r);
  }
  close(fdin);
  if (buffer_flush(&out) == -1) failtmp("unable to write ",errno);
  if (uid != -1 || gid != -1)
    if (fchown(tmp.fd,uid,gid) == -1) failtmp("unable to chown ",errno);
  if (replace_commit(&tmp,1) == -1) strerr_die(111,FATAL,"unable to replace ",path.s,0,errno);
}

int main(void)
{
  umask(077); /* modes are set explicitly; nothing is readable half-made */
  hier();
  return 0;
}
