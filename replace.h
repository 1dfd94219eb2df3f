#ifndef REPLACE_H
#define REPLACE_H

#include "stralloc.h"

/* Atomic replacement of a file: a new version is written to a unique
   temporary file beside it, then renamed over it. Readers see the old
   file or the new one, never a mix; a crash leaves at most a temporary
   file named FN.tmp.PID.TIME.N (datadir.h). Keep a struct replace in
   static storage: its name is a stralloc. */
struct replace {
  stralloc tmp;    /* the temporary file's name, 0-terminated */
  const char *fn;  /* the file replaced */
  int fd;          /* the temporary file, open for writing; -1 after */
};

extern int replace_open(struct replace *,const char *,int);
extern int replace_done(struct replace *,int);
extern int replace_rename(struct replace *);
extern int replace_dir(const char *);
extern int replace_syncdir(const char *);
extern int replace_commit(struct replace *,int);
extern void replace_abort(struct replace *);

#endif
