#include "datadir.h"
#include "dyn.h"

/* Removes the temporary files of fn and of its rate files (fn.tmp.*,
   fn.abuse.tmp.*, fn.authfail.tmp.*) in the current directory. Call it
   only with the data lock held: each of them is written under that
   lock, so any such file seen then was left by a handler that died
   (kill -9, power cut) and nobody will ever finish it. 0 on success,
   -1 if the directory cannot be read. */
int dyn_cleantemp(const char *fn)
{
  static const char *const of[] = { "", DATADIR_ABUSE, DATADIR_AUTHFAIL, 0 };
  return datadir_clean(fn,of);
}
