#include "str.h"
#include "datadir.h"

static const char *const prefixes[] = {
  DATADIR_TMP, DATADIR_REQ, 0
};

/* 1 if rest, what follows one of the suffixes, ends the name or is
   the tail of a temporary file */
static int tmptail(const char *rest)
{
  return !rest[0] || str_start(rest,DATADIR_TMP);
}

/* 1 if name is one of the files tinydnsdyn keeps in $ROOT for the data
   file data: data itself, data followed by one of datadir_files (or
   that file's temporary file), or a temporary file or waiting entry of
   data. Any other name is not ours, even one that starts with data and
   a dot: with DATA=data, data.cdb is make's output. */
int datadir_ours(const char *name,const char *data)
{
  const char *rest;
  unsigned int i;

  if (str_equal(name,DATADIR_MAKELOCK)) return 1;
  if (!str_start(name,data)) return 0;
  rest = name + str_len(data);
  if (!rest[0]) return 1;
  for (i = 0;prefixes[i];++i)
    if (str_start(rest,prefixes[i])) return 1;
  for (i = 0;datadir_files[i];++i)
    if (str_start(rest,datadir_files[i]) && tmptail(rest + str_len(datadir_files[i]))) return 1;
  return 0;
}
