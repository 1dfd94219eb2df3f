#include "str.h"
#include "datadir.h"

const char *const datadir_files[] = {
  DATADIR_LOCK, DATADIR_ABUSE, DATADIR_AUTHFAIL,
  DATADIR_STATUS, DATADIR_STATUSLOCK, 0
};

int datadir_name(stralloc *sa,const char *data,const char *suffix)
{
  return stralloc_copys(sa,data) && stralloc_cats(sa,suffix) && stralloc_0(sa);
}

int datadir_nameok(const char *data)
{
  unsigned int i;

  if (!data[0] || str_equal(data,".") || str_equal(data,"..")) return 0;
  for (i = 0;data[i];++i) {
    if (data[i] == '/') return 0;
    if ((unsigned char) data[i] < 0x20 || data[i] == 0x7f) return 0;
    if (i >= 200) return 0;
  }
  return 1;
}
