#ifndef STRALLOC_H
#define STRALLOC_H

typedef struct stralloc {
  char *s;
  unsigned int len;
  unsigned int a;
} stralloc;

extern int stralloc_ready(stralloc *,unsigned int);
extern int stralloc_readyplus(stralloc *,unsigned int);
extern int stralloc_copyb(stralloc *,const char *,unsigned int);
extern int stralloc_copys(stralloc *,const char *);
extern int stralloc_copy(stralloc *,const stralloc *);
extern int stralloc_catb(stralloc *,const char *,unsigned int);
extern int stralloc_cats(stralloc *,const char *);
extern int stralloc_cat(stralloc *,const stralloc *);
extern int stralloc_append(stralloc *,char);
extern int stralloc_catulong(stralloc *,unsigned long);

#define stralloc_0(sa) stralloc_append((sa),0)

#endif
