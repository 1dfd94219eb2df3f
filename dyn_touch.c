#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include "datadir.h"
#include "dyn.h"

static int later(const struct timespec *a,const struct timespec *b)
{
  if (a->tv_sec != b->tv_sec) return a->tv_sec > b->tv_sec;
  return a->tv_nsec > b->tv_nsec;
}

/* Called under the data lock just before a make. make rebuilds only
   what is older than its sources, and a file's time is that of its
   last write, in ticks of some milliseconds: a data file written while
   the previous make ran, or in the same tick as its output, can look
   older than that output and be skipped. So: if some other file in the
   directory is as new as the data file fn, give fn a time after all of
   them. A file dated after now was made before the clock was set back
   (NTP, an operator): what make makes now would look older than it,
   and data.cdb would never be made again, every change answered good
   and not served. Such a file gets the time of a second ago (if it
   can: it may not be ours to touch), old enough for any tick of the
   file times. 0 on success, -1 on error. */
int dyn_touch(const char *fn)
{
  DIR *dir;
  struct dirent *d;
  struct stat st;
  struct timespec data;
  struct timespec newest;
  struct timespec now;
  struct timespec past;
  struct timespec t[2];

  if (stat(fn,&st) == -1) return -1;
  data = st.st_mtim;
  newest.tv_sec = 0;
  newest.tv_nsec = 0;
  clock_gettime(CLOCK_REALTIME,&now);
  past = now;
  --past.tv_sec;
  t[0].tv_sec = 0;
  t[0].tv_nsec = UTIME_OMIT;
  dir = opendir(".");
  if (!dir) return -1;
  while ((d = readdir(dir))) {
    /* fn itself, fn.lock, fn.build, fn.tmp.*, ...: ours, not make's */
    if (datadir_ours(d->d_name,fn)) continue;
    if (stat(d->d_name,&st) == -1) continue;
    if (!S_ISREG(st.st_mode)) continue;
    if (later(&st.st_mtim,&now)) {
      t[1] = past;
      if (utimensat(AT_FDCWD,d->d_name,t,0) == 0) st.st_mtim = past;
    }
    if (later(&st.st_mtim,&newest)) newest = st.st_mtim;
  }
  closedir(dir);
  if (later(&data,&newest)) return 0;

  t[1] = now;
  if (!later(&t[1],&newest)) {
    t[1] = newest;
    if (++t[1].tv_nsec == 1000000000) { t[1].tv_nsec = 0; ++t[1].tv_sec; }
  }
  return utimensat(AT_FDCWD,fn,t,0);
}
