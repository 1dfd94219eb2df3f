#include <dirent.h>
#include <unistd.h>
#include "str.h"
#include "stralloc.h"
#include "datadir.h"
#include "dyn.h"

static stralloc prefix[3];

/* Removes the temporary files of fn and of its rate files (fn.tmp.*,
   fn.abuse.tmp.*, fn.authfail.tmp.*) in the current directory. Call it
   only with the data lock held: each of them is written under that
   lock, so any such file seen then was left by a handler that died
   (kill -9, power cut) and nobody will ever finish it. 0 on success,
   -1 if the directory cannot be read. */
int dyn_cleantemp(const char *fn)
{
  static const char *const of[3] = { "", DATADIR_ABUSE, DATADIR_AUTHFAIL };
  DIR *dir;
  struct dirent *d;
  unsigned int i;

  for (i = 0;i < 3;++i)
    if (!stralloc_copys(&prefix[i],fn) || !stralloc_cats(&prefix[i],of[i])
        || !stralloc_cats(&prefix[i],DATADIR_TMP) || !stralloc_0(&prefix[i])) return -1;
  dir = opendir(".");
  if (!dir) return -1;
  while ((d = readdir(dir)))
    for (i = 0;i < 3;++i)
      if (str_start(d->d_name,prefix[i].s)) { unlink(d->d_name); break; }
  closedir(dir);
  return 0;
}
