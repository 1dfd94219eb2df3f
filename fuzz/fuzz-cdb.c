/* libFuzzer harness: the cdb reader and ptr_served4/6 on any file.
   data.cdb is tinydns-data's, but the reader treats it as hostile:
   whatever the bytes, no lookup may read outside the file, report a
   record that is not inside it, or fail to end; ptr_served answers 1,
   0 or -1 with EPROTO or a system error, never anything else. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "cdb.h"
#include "fmt.h"
#include "ptr.h"
#include "str.h"
#include "strerr.h"

static void fail(const char *why)
{
  strerr_warn("fuzz-cdb: ",why,0,0,0);
  abort();
}

static int fd = -1;
static char fn[32 + FMT_ULONG] = "/proc/self/fd/";

/* the names ptr_served looks up for 192.0.2.77 and a few more */
static const struct { const char *s; unsigned int len; } key[] = {
  { "\00277\0012\0010\003192\007in-addr\004arpa", 25 },
  { "\0012\0010\003192\007in-addr\004arpa", 22 },
  { "\004arpa", 6 },
  { "", 1 },
  { "", 0 },
  { "\007example\003com", 13 },
};

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  struct cdb c;
  char ip[16];
  unsigned int i;
  unsigned long n;
  int r;

  if (size > 65536) return 0;
  if (fd == -1) {
    char tmp[] = "/tmp/fuzz-cdb.XXXXXX";
    fd = mkstemp(tmp);
    if (fd == -1) fail("unable to create a temporary file");
    unlink(tmp);
    fn[str_len(fn) + fmt_ulong(fn + str_len(fn),fd)] = 0;
  }
  if (ftruncate(fd,0) == -1) fail("unable to truncate");
  if (size && pwrite(fd,data,size,0) != (ssize_t) size) fail("unable to write");

  if (cdb_init(&c,fd) == -1) {
    if (size >= 2048 || errno != EPROTO) fail("cdb_init refused a file it should take");
  }
  else {
    if (c.size != size) fail("cdb_init got the size wrong");
    for (i = 0;i < sizeof key / sizeof key[0];++i) {
      cdb_findstart(&c);
      n = 0;
      while ((r = cdb_findnext(&c,key[i].s,key[i].len)) == 1) {
        if (c.dpos > size || c.dlen > size - c.dpos) fail("a record outside the file");
        if (++n > size / 8) fail("more records than slots");
      }
      if (r == -1 && errno != EPROTO) fail("a lookup failed without EPROTO");
    }
  }

  for (i = 0;i < 16;++i) ip[i] = size > i ? data[size - 1 - i] : 0;
  r = ptr_served4(fn,ip);
  if (r < -1 || r > 1) fail("ptr_served4 said something else");
  if (r == -1 && errno != EPROTO) fail("ptr_served4 failed without EPROTO");
  r = ptr_served6(fn,ip);
  if (r < -1 || r > 1) fail("ptr_served6 said something else");
  if (r == -1 && errno != EPROTO) fail("ptr_served6 failed without EPROTO");
  ip[0] = (char) 192; ip[1] = 0; ip[2] = 2; ip[3] = 77;
  if (ptr_served4(fn,ip) == -1 && errno != EPROTO) fail("ptr_served4 failed without EPROTO");
  return 0;
}
