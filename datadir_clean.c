#include <dirent.h>
#include <unistd.h>
#include "str.h"
#include "datadir.h"

static stralloc prefix[DATADIR_CLEANMAX];

/* Removes from the current directory the temporary files of data's
   files: every name that starts with data, one of the suffixes (a list
   ended by 0, at most DATADIR_CLEANMAX) and DATADIR_TMP. The caller
   holds the lock under which those files are written, so any of them
   seen then was left by a handler that died (kill -9, power cut) and
   nobody will finish it. 0 on success, -1 if out of memory or if the
   directory cannot be read. */
int datadir_clean(const char *data,const char *const *suffix)
{
  DIR *dir;
  struct dirent *d;
  unsigned int n;
  unsigned int i;

  for (n = 0;n < DATADIR_CLEANMAX && suffix[n];++n)
    if (!stralloc_copys(&prefix[n],data) || !stralloc_cats(&prefix[n],suffix[n])
        || !stralloc_cats(&prefix[n],DATADIR_TMP) || !stralloc_0(&prefix[n])) return -1;
  dir = opendir(".");
  if (!dir) return -1;
  while ((d = readdir(dir)))
    for (i = 0;i < n;++i)
      if (str_start(d->d_name,prefix[i].s)) { unlink(d->d_name); break; }
  closedir(dir);
  return 0;
}
