#include <dirent.h>
#include <unistd.h>
#include "str.h"
#include "stralloc.h"
#include "dyn.h"

static stralloc prefix;

/* Removes fn.tmp.* files in the current directory. Call it only with
   the data lock held: every writer makes its temporary file under that
   lock, so any such file seen then was left by a handler that died
   (kill -9, power cut) and nobody will ever finish it. 0 on success,
   -1 if the directory cannot be read. */
int dyn_cleantemp(const char *fn)
{
  DIR *dir;
  struct dirent *d;

  if (!stralloc_copys(&prefix,fn) || !stralloc_cats(&prefix,".tmp.") || !stralloc_0(&prefix))
    return -1;
  dir = opendir(".");
  if (!dir) return -1;
  while ((d = readdir(dir)))
    if (str_start(d->d_name,prefix.s)) unlink(d->d_name);
  closedir(dir);
  return 0;
}
