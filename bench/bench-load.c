#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include "buffer.h"
#include "byte.h"
#include "scan.h"
#include "fmt.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

/* bench-load port conc total reqfile [rate]: total HTTP requests to
   127.0.0.1:port, conc at a time, one connection each, read to EOF;
   with rate, request n starts no sooner than n/rate seconds in (a
   steady load, as from many routers polling).
   In the request, "@@@@@@" becomes the request's number (000001...),
   times $STRIDE if that is set: hosts spread over a data file, as a
   burst's are, not its first lines only.
   Prints requests, seconds, req/s, latency p50/p99/max in ms, and how
   many answers were not "200" with a body line starting good/nochg. */

#define FATAL "bench-load: fatal: "
#define MAXTOTAL 100000

static stralloc req;
static unsigned long stride = 1;
static unsigned long lat[MAXTOTAL];
static char rbuf[65536];

static unsigned long usec(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC,&t);
  return (unsigned long) t.tv_sec * 1000000UL + t.tv_nsec / 1000;
}

static int ok(const char *s,unsigned int len)
{
  unsigned int i;
  if (len < 12 || !byte_equal(s,9,"HTTP/1.0 ") || !byte_equal(s + 9,3,"200")) return 0;
  for (i = 0;i + 4 < len;++i)
    if (byte_equal(s + i,4,"\r\n\r\n")) {
      s += i + 4; len -= i + 4;
      return (len >= 4 && byte_equal(s,4,"good")) || (len >= 5 && byte_equal(s,5,"nochg"));
    }
  return 0;
}

/* one request; returns latency in usec, with the top bit set on failure */
static unsigned long one(unsigned int port,unsigned long n)
{
  struct sockaddr_in sa;
  char num[FMT_ULONG];
  unsigned long t0 = usec();
  unsigned int i;
  unsigned int len = 0;
  int fd;
  int r;
  int good;
  static stralloc x;

  if (!stralloc_copy(&x,&req)) strerr_die(111,FATAL,"out of memory",0,0,0);
  for (i = 0;i + 6 <= x.len;++i)
    if (byte_equal(x.s + i,6,"@@@@@@")) {
      unsigned int k = fmt_ulong(num,n * stride);
      byte_copy(x.s + i,6,"000000");
      if (k <= 6) byte_copy(x.s + i + 6 - k,k,num);
    }
  fd = socket(AF_INET,SOCK_STREAM,0);
  if (fd == -1) return t0 | (1UL << 63);
  byte_zero((char *) &sa,sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons(port);
  sa.sin_addr.s_addr = htonl(0x7f000001);
  if (connect(fd,(struct sockaddr *) &sa,sizeof sa) == -1) { close(fd); return (usec() - t0) | (1UL << 63); }
  if (write(fd,x.s,x.len) != (int) x.len) { close(fd); return (usec() - t0) | (1UL << 63); }
  for (;;) {
    r = read(fd,rbuf + len,sizeof rbuf - len);
    if (r <= 0) break;
    len += r;
    if (len == sizeof rbuf) break;
  }
  close(fd);
  good = ok(rbuf,len);
  t0 = usec() - t0;
  return good ? t0 : t0 | (1UL << 63);
}

static int cmp(const void *a,const void *b)
{
  unsigned long x = *(const unsigned long *) a;
  unsigned long y = *(const unsigned long *) b;
  return x < y ? -1 : x > y;
}

static void putms(unsigned long us)
{
  char num[FMT_ULONG];
  buffer_put(buffer_1,num,fmt_ulong(num,us / 1000));
  buffer_puts(buffer_1,".");
  num[0] = '0' + (us / 100) % 10;
  num[1] = '0' + (us / 10) % 10;
  buffer_put(buffer_1,num,2);
}

int main(int argc,char **argv)
{
  unsigned long port, conc, total;
  unsigned long i, w, n, t0, t1, fails = 0, got = 0;
  int p[2];
  int fd;
  char buf[4096];
  int r;
  char num[FMT_ULONG];

  unsigned long rate = 0;

  if (argc != 5 && argc != 6) strerr_die(100,"bench-load: usage: bench-load port conc total reqfile [rate]",0,0,0,0);
  if (argc == 6) scan_ulong(argv[5],&rate);
  if (getenv("STRIDE")) scan_ulong(getenv("STRIDE"),&stride);
  scan_ulong(argv[1],&port);
  scan_ulong(argv[2],&conc);
  scan_ulong(argv[3],&total);
  if (!conc || !total || total > MAXTOTAL || conc > total) strerr_die(100,FATAL,"bad numbers",0,0,0);
  if (!stride || total * stride > 999999) strerr_die(100,FATAL,"bad STRIDE: the numbers must fit in @@@@@@",0,0,0);
  fd = open(argv[4],O_RDONLY);
  if (fd == -1) strerr_die(111,FATAL,"unable to open ",argv[4],0,0);
  while ((r = read(fd,buf,sizeof buf)) > 0)
    if (!stralloc_catb(&req,buf,r)) strerr_die(111,FATAL,"out of memory",0,0,0);
  close(fd);
  if (pipe(p) == -1) strerr_die(111,FATAL,"pipe",0,0,0);

  t0 = usec();
  for (w = 0;w < conc;++w) {
    if (fork() == 0) {
      close(p[0]);
      for (n = w;n < total;n += conc) {
        unsigned long l;
        if (rate) {
          unsigned long due = t0 + n * 1000000UL / rate;
          unsigned long now = usec();
          if (due > now) usleep(due - now);
        }
        l = one(port,n + 1);
        if (write(p[1],&l,sizeof l) != sizeof l) _exit(111);
      }
      _exit(0);
    }
  }
  close(p[1]);
  n = 0;
  for (;;) {
    r = read(p[0],(char *) &lat[n],(total - n) * sizeof lat[0]);
    if (r <= 0) break;
    n += r / sizeof lat[0];
    if (n == total) break;
  }
  while (wait(0) > 0) ;
  t1 = usec();
  for (i = 0;i < n;++i) {
    if (lat[i] >> 63) { ++fails; lat[i] &= ~(1UL << 63); }
    ++got;
  }
  qsort(lat,n,sizeof lat[0],cmp);

  buffer_put(buffer_1,num,fmt_ulong(num,got));
  buffer_puts(buffer_1," requests ");
  putms(t1 - t0);
  buffer_puts(buffer_1," ms ");
  buffer_put(buffer_1,num,fmt_ulong(num,got * 1000000UL / (t1 - t0 ? t1 - t0 : 1)));
  buffer_puts(buffer_1," req/s p50 ");
  putms(n ? lat[n / 2] : 0);
  buffer_puts(buffer_1," ms p99 ");
  putms(n ? lat[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] : 0);
  buffer_puts(buffer_1," ms max ");
  putms(n ? lat[n - 1] : 0);
  buffer_puts(buffer_1," ms failed ");
  buffer_put(buffer_1,num,fmt_ulong(num,fails + (total - got)));
  buffer_putsflush(buffer_1,"\n");
  return 0;
}
