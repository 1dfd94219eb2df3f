/* tests/failmalloc.c: an LD_PRELOAD shim for t-fault-memory. With
   FAILMALLOC=N in the environment, every malloc, realloc and calloc of
   more than N bytes fails with ENOMEM; smaller ones go to glibc's own.
   So a test can make exactly the big allocations of a request fail,
   whatever the rest of the process takes. Built by t-fault-memory as
   failmalloc.so. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_realloc(void *,size_t);
extern void *__libc_calloc(size_t,size_t);

static size_t limit(void)
{
  static size_t n = (size_t) -1;
  const char *x;

  if (n == (size_t) -1) {
    n = 0;
    for (x = getenv("FAILMALLOC");x && *x >= '0' && *x <= '9';++x) n = n * 10 + (size_t) (*x - '0');
  }
  return n;
}

static int fails(size_t n)
{
  return limit() && n > limit();
}

void *malloc(size_t n)
{
  if (fails(n)) { errno = ENOMEM; return 0; }
  return __libc_malloc(n);
}

void *realloc(void *p,size_t n)
{
  if (fails(n)) { errno = ENOMEM; return 0; }
  return __libc_realloc(p,n);
}

void *calloc(size_t k,size_t n)
{
  if (n && k > (size_t) -1 / n) { errno = ENOMEM; return 0; }
  if (fails(k * n)) { errno = ENOMEM; return 0; }
  return __libc_calloc(k,n);
}
