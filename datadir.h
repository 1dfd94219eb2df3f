#ifndef DATADIR_H
#define DATADIR_H

#include "stralloc.h"

/* Every file tinydnsdyn keeps in $ROOT is named from $DATA (data.dyn
   by default) and one of these suffixes, here and nowhere else; but
   for the build lock, one per $ROOT whatever $DATA. */
#define DATADIR_MAKELOCK "make.lock" /* build lock: one make at a time in $ROOT */
#define DATADIR_LOCK ".lock"         /* data lock; holds the generation numbers */
#define DATADIR_ABUSE ".abuse"       /* rate file: changes per host */
#define DATADIR_AUTHFAIL ".authfail" /* rate file: failed logins per address */
#define DATADIR_STATUS ".status"    /* per-host status (status.h) */
#define DATADIR_STATUSLOCK ".status.lock" /* its lock: not the data lock */
#define DATADIR_TMP ".tmp."          /* temporary files: .tmp.PID.TIME.N */
#define DATADIR_REQ ".req."          /* a change waiting for the next rewrite */

/* the suffixes of the files the handler opens for writing, which
   tinydnsdyn-conf creates owned by the handler's account; 0 ends it */
extern const char *const datadir_files[];

/* sa = data followed by suffix, 0-terminated. 1 on success, 0 if out
   of memory. */
extern int datadir_name(stralloc *,const char *,const char *);

/* removes the temporary files of data + each suffix (0 ends the list)
   left in the current directory: only under their lock. 0 or -1. */
#define DATADIR_CLEANMAX 4
extern int datadir_clean(const char *,const char *const *);

/* 1 if name is data, one of its files above (the build lock too), or
   a temporary file or waiting entry of one of them; 0 for any other
   name */
extern int datadir_ours(const char *,const char *);

/* 1 if data can name a data file in $ROOT: a plain file name (no '/',
   not "." or "..", no control bytes), short enough for every suffix. */
extern int datadir_nameok(const char *);

#endif
