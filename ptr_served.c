#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "byte.h"
#include "cdb.h"
#include "ptr.h"

/* a reverse name in DNS wire form, as tinydns-data keys data.cdb:
   length-prefixed lower-case labels and a 0 byte; 32 nibbles, "ip6",
   "arpa" and the root take 75 bytes */
#define NAMEMAX 80

static const char hex[] = "0123456789abcdef";

static unsigned int label(char *name,unsigned int n,const char *s,unsigned int len)
{
  name[n] = len;
  byte_copy(name + n + 1,len,s);
  return n + 1 + len;
}

/* 1 if some suffix of name[0..len) has an SOA record in fn */
static int soa(const char *fn,const char *name,unsigned int len)
{
  struct cdb c;
  char type[2];
  unsigned int i;
  int fd;
  int r = 0;

  fd = open(fn,O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd == -1) return errno == ENOENT ? 0 : -1;
  if (cdb_init(&c,fd) == -1) r = -1;
  /* from the whole name down to the root: name[i] is a label length */
  for (i = 0;!r && i < len;i += 1 + (unsigned char) name[i]) {
    cdb_findstart(&c);
    while ((r = cdb_findnext(&c,name + i,len - i)) == 1) {
      /* type, then '=', '*' or '>' and a location, TTL, TTD, data */
      if (c.dlen < 3) continue;
      if (cdb_read(&c,type,2,c.dpos) == -1) { r = -1; break; }
      if (type[0] == 0 && type[1] == 6) break;
    }
  }
  if (r == -1) {
    i = errno;
    close(fd);
    errno = i;
    return -1;
  }
  close(fd);
  return r;
}

int ptr_served4(const char *fn,const char *ip)
{
  char name[NAMEMAX];
  char d[3];
  unsigned int n = 0;
  unsigned int k;
  unsigned char u;
  int i;

  for (i = 3;i >= 0;--i) {
    u = ip[i];
    k = 0;
    if (u >= 100) d[k++] = '0' + u / 100;
    if (u >= 10) d[k++] = '0' + u / 10 % 10;
    d[k++] = '0' + u % 10;
    n = label(name,n,d,k);
  }
  n = label(name,n,"in-addr",7);
  n = label(name,n,"arpa",4);
  name[n++] = 0;
  return soa(fn,name,n);
}

int ptr_served6(const char *fn,const char *ip)
{
  char name[NAMEMAX];
  unsigned int n = 0;
  int i;

  for (i = 15;i >= 0;--i) {
    n = label(name,n,hex + ((unsigned char) ip[i] & 15),1);
    n = label(name,n,hex + ((unsigned char) ip[i] >> 4),1);
  }
  n = label(name,n,"ip6",3);
  n = label(name,n,"arpa",4);
  name[n++] = 0;
  return soa(fn,name,n);
}
