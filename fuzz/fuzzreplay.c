/* fuzzreplay: runs a libFuzzer harness (fuzz-*.c, linked in) once on
   every file named, or on every file in every directory named, without
   clang or libFuzzer: the seed corpora and the regression inputs are
   replayed by a plain build. A failed check aborts. Prints the number
   of inputs run. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "fuzzreplay: fatal: "
#define INPUTMAX (1024 * 1024)

extern int LLVMFuzzerTestOneInput(const uint8_t *,size_t);

static stralloc fn;
static stralloc input;
static unsigned long count;

static void nomem(void)
{
  strerr_die(111,FATAL,"out of memory",0,0,0);
}

static void one(const char *name)
{
  char buf[4096];
  int fd;
  int r;

  fd = open(name,O_RDONLY | O_CLOEXEC);
  if (fd == -1) strerr_die(111,FATAL,"unable to open ",name,0,errno);
  input.len = 0;
  for (;;) {
    r = read(fd,buf,sizeof buf);
    if (r == -1) {
      if (errno == EINTR) continue;
      strerr_die(111,FATAL,"unable to read ",name,0,errno);
    }
    if (!r) break;
    if (input.len + r > INPUTMAX) strerr_die(100,FATAL,name," is too long",0,0);
    if (!stralloc_catb(&input,buf,r)) nomem();
  }
  close(fd);
  if (!stralloc_0(&input)) nomem(); /* input.s is never null */
  LLVMFuzzerTestOneInput((const uint8_t *) input.s,input.len - 1);
  ++count;
}

static void dir(const char *name)
{
  DIR *d;
  struct dirent *e;

  d = opendir(name);
  if (!d) strerr_die(111,FATAL,"unable to open ",name,0,errno);
  for (;;) {
    errno = 0;
    e = readdir(d);
    if (!e) break;
    if (e->d_name[0] == '.') continue;
    if (!stralloc_copys(&fn,name) || !stralloc_cats(&fn,"/")
        || !stralloc_cats(&fn,e->d_name) || !stralloc_0(&fn)) nomem();
    one(fn.s);
  }
  if (errno) strerr_die(111,FATAL,"unable to read ",name,0,errno);
  closedir(d);
}

int main(int argc,char **argv)
{
  struct stat st;
  int i;

  for (i = 1;i < argc;++i) {
    if (stat(argv[i],&st) == -1) strerr_die(111,FATAL,"unable to stat ",argv[i],0,errno);
    if (S_ISDIR(st.st_mode)) dir(argv[i]);
    else one(argv[i]);
  }
  fn.len = 0;
  if (!stralloc_catulong(&fn,count) || !stralloc_cats(&fn," inputs\n")) nomem();
  buffer_putflush(buffer_1,fn.s,fn.len);
  return 0;
}
