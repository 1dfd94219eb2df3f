/* tests/cdbtest.c: the cdb reader and ptr_served against files that
   tinydns-data wrote. Built and run by t-cdb.sh and t-ptr.sh.
     cdbtest get FILE      names on stdin, one a line: prints each
                           name and, for every record data.cdb keeps
                           under it, " type flag ttl" (flag '=', '*'
                           or '>'), or " none"; "error" if lookup fails
     cdbtest ptr FILE IP   ptr_served4 or ptr_served6: 1, 0 or -1 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "cdb.h"
#include "fmt.h"
#include "getln.h"
#include "ip4.h"
#include "ip6.h"
#include "ptr.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "cdbtest: fatal: "

static char inbuf[4096];
static buffer in = BUFFER_INIT(buffer_unixread,0,inbuf,sizeof inbuf);
static stralloc line;
static char key[512];
static char num[FMT_ULONG];

static void putnum(unsigned long u)
{
  buffer_put(buffer_1,num,fmt_ulong(num,u));
}

static uint32_t be(const char *s,unsigned int n)
{
  uint32_t u = 0;
  while (n--) u = u << 8 | (unsigned char) *s++;
  return u;
}

/* name[0..len), dotted, as a wire-format key; 0 if it does not fit */
static unsigned int wire(const char *name,unsigned int len)
{
  unsigned int k = 0;
  unsigned int i = 0;
  unsigned int j;

  while (i < len) {
    for (j = i;j < len && name[j] != '.';++j) ;
    if (j - i > 63 || k + 1 + (j - i) + 1 > sizeof key) return 0;
    key[k++] = j - i;
    byte_copy(key + k,j - i,name + i);
    case_lowerb(key + k,j - i);
    k += j - i;
    i = j + 1;
  }
  key[k++] = 0;
  return k;
}

static void get(const char *fn)
{
  struct cdb c;
  char d[16];
  unsigned int k;
  unsigned int at;
  int match;
  int fd;
  int r;
  int found;

  fd = open(fn,O_RDONLY);
  if (fd == -1 || cdb_init(&c,fd) == -1) strerr_die(111,FATAL,"unable to open ",fn,0,errno);
  for (;;) {
    if (getln(&in,&line,&match,'\n',1000) == -1) strerr_die(111,FATAL,"unable to read input",0,0,errno);
    if (!line.len) break;
    if (match) --line.len;
    buffer_put(buffer_1,line.s,line.len);
    k = wire(line.s,line.len);
    cdb_findstart(&c);
    found = 0;
    while ((r = cdb_findnext(&c,key,k)) == 1) {
      found = 1;
      if (c.dlen < 15 || cdb_read(&c,d,c.dlen < 16 ? c.dlen : 16,c.dpos) == -1) { r = -1; break; }
      at = d[2] == '>' ? 5 : 3;
      if (c.dlen < at + 12) { r = -1; break; }
      buffer_puts(buffer_1," ");
      putnum(be(d,2));
      buffer_puts(buffer_1," ");
      buffer_put(buffer_1,d + 2,1);
      buffer_puts(buffer_1," ");
      putnum(be(d + at,4));
    }
    if (r == -1) buffer_puts(buffer_1," error");
    else if (!found) buffer_puts(buffer_1," none");
    buffer_puts(buffer_1,"\n");
    if (!match) break;
  }
  buffer_flush(buffer_1);
}

int main(int argc,char **argv)
{
  char ip[16];
  int r;

  if (argc == 3 && str_equal(argv[1],"get")) { get(argv[2]); return 0; }
  if (argc != 4 || !str_equal(argv[1],"ptr")) strerr_die(100,FATAL,"usage: cdbtest get FILE | cdbtest ptr FILE IP",0,0,0);
  if (ip4_scan(argv[3],str_len(argv[3]),ip)) r = ptr_served4(argv[2],ip);
  else if (ip6_scan(argv[3],str_len(argv[3]),ip) == str_len(argv[3])) r = ptr_served6(argv[2],ip);
  else strerr_die(100,FATAL,"not an address: ",argv[3],0,0);
  if (r == -1) { buffer_puts(buffer_1,"-1 "); buffer_puts(buffer_1,strerr_sys(errno)); }
  else putnum(r);
  buffer_putsflush(buffer_1,"\n");
  return 0;
}
