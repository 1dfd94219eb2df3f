#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "fd.h"

/* Makes sure descriptors 0, 1 and 2 are open, putting /dev/null on any
   that is closed. Started with one of them closed, a program's next
   open would get that number: an answer or a log line, or make's
   output, would then go into a data file or a lock file. 0, or -1
   with errno. */
int fd_std(void)
{
  int fd;
  int f;

  for (fd = 0; fd < 3; ++fd) {
    if (fcntl(fd,F_GETFD) != -1) continue;
    f = open("/dev/null",O_RDWR);
    if (f == -1) return -1;
    if (f != fd) { close(f); errno = EBADF; return -1; } /* cannot be */
  }
  return 0;
}
