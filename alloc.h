#ifndef ALLOC_H
#define ALLOC_H

/* no single allocation in this program is larger than this */
#define ALLOC_MAX (16 * 1024 * 1024)

extern char *alloc(unsigned int);
extern void alloc_free(char *);
extern int alloc_re(char **,unsigned int,unsigned int);

#endif
