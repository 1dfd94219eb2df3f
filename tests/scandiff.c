/* tests/scandiff.c: a guard on the one rewrite engine (dyn_scan,
   dyn_write). The two ways dyn_update writes a data file must agree: a
   counting pass
   that keeps every edit, then dyn_copy around them (the usual way), and
   the writing pass with room for one edit at a time (the way of a file
   with more changed lines than DYN_EDITMAX), which flushes after each.
   Same bytes, same counts, on random data files full of near misses:
   other case, trailing dots, wildcards, prefixes, suffixes, every
   record type, CRs, a last line without newline. And the batch's name
   filter must skip none of the lines that matter: the same pass with
   it off (every line looked up) gives the same too. And a look that
   stops at the first line that changes (e->stop) stops iff the whole
   pass has an edit (in a line ending with a newline: it never stops
   at a last line without one), and once it goes on to the end, gives
   the same counts and bytes. Prints the number of cases that differ.
   Built and run by t-scandiff.sh. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buffer.h"
#include "fmt.h"
#include "stralloc.h"
#include "dyn.h"
#include "dnsname.h"
#include "ip4.h"
#include "ip6.h"

static const char *names[] = {
  "h1.example.com", "H1.Example.COM", "h1.example.com.", "*.h1.example.com",
  "h2.example.com", "x.h1.example.com", "h1.example.co", "h1.example.comm",
  "", "*.", "h1.EXAMPLE.com.", "*.H2.example.com."
};
static const char *fields[] = {
  "", ":192.0.2.1", ":192.0.2.1:300", ":198.51.100.9:300:4000000000000000:xx",
  ":28:\\040\\001\\015\\270\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\001:60",
  ":1.2.3.4\r", ":2001:db8::9:60", "::"
};
static const char types[] = "+=:36'.#Z-";

static stralloc in;
static stralloc out1;
static stralloc out2;

static void put(const char *s,unsigned int n) { stralloc_catb(&in,s,n); }

static int writefile(const char *fn,stralloc *sa)
{
  int fd = open(fn,O_WRONLY | O_CREAT | O_TRUNC,0600);
  if (fd == -1 || write(fd,sa->s,sa->len) != (int) sa->len) return -1;
  return close(fd);
}

static int readfile(const char *fn,stralloc *sa)
{
  char b[4096];
  int fd = open(fn,O_RDONLY);
  int r;
  sa->len = 0;
  if (fd == -1) return -1;
  while ((r = read(fd,b,sizeof b)) > 0) stralloc_catb(sa,b,r);
  close(fd);
  return r;
}

static struct dyn_req q;
static struct dyn_batch b;
static struct dyn_batch bu; /* the same, unfiltered */
static stralloc out3;
static stralloc out4;
static struct dyn_edits e1;
static struct dyn_edits e2;
static struct dyn_edits e3;
static struct dyn_edits e4; /* stop */

int main(int argc,char **argv)
{
  unsigned long l0, c0, l1, c1;
  unsigned long it, iters = 5000;
  unsigned long bad = 0;
  unsigned int k, nl;
  char num[FMT_ULONG];
  unsigned long s0, t0, s1, t1; /* the same, after a stop */
  unsigned int last; /* where a last line without newline starts */
  int fd, fdo, lost, differ, stopped;

  if (argc > 1) iters = strtoul(argv[1],0,10);
  srand(12345);
  dyn_req_hosts(&q,2);
  dnsname_fqdn(&q.h[0].name,"h1.example.com",14); q.h[0].ok = q.h[0].allowed = 1;
  dnsname_fqdn(&q.h[1].name,"h2.example.com",14); q.h[1].ok = q.h[1].allowed = 1;
  ip4_scan("198.51.100.9",12,q.addr.ip4);
  q.addr.len4 = ip4_fmt(q.addr.text4,q.addr.ip4);
  ip6_scan("2001:db8::9",11,q.addr.ip6);
  q.addr.len6 = ip6_fmt(q.addr.text6,q.addr.ip6);
  e2.max = 1;
  dyn_batch_start(&b,1,2);
  dyn_batch_add(&b,&q);
  dyn_batch_start(&bu,1,2);
  dyn_batch_add(&bu,&q);
  bu.unfiltered = 1;

  for (it = 0;it < iters;++it) {
    in.len = 0;
    nl = rand() % 12;
    for (k = 0;k < nl;++k) {
      put(&types[rand() % (sizeof types - 1)],1);
      { const char *n = names[rand() % (sizeof names / sizeof names[0])]; put(n,strlen(n)); }
      { const char *f = fields[rand() % (sizeof fields / sizeof fields[0])]; put(f,strlen(f)); }
      if (k < nl - 1 || rand() % 3) put("\n",1);
    }
    q.addr.has4 = rand() % 4 != 0;
    q.addr.has6 = rand() % 2;
    if (writefile("scandiff.in",&in) == -1) return 111;

    fd = open("scandiff.in",O_RDONLY);
    e4.stop = 1;
    if (dyn_scan(&b,fd,&e4) == -1) return 111;
    stopped = e4.next != 0;
    if (stopped && (dyn_scan(&b,fd,&e4) == -1 || e4.next || e4.lost)) return 111;
    s0 = q.h[0].c.lines; t0 = q.h[0].c.changed; s1 = q.h[1].c.lines; t1 = q.h[1].c.changed;
    fdo = open("scandiff.4",O_WRONLY | O_CREAT | O_TRUNC,0600);
    if (dyn_copy(fd,0,e4.size,&e4,fdo) == -1) return 111;
    close(fdo);
    if (dyn_scan(&b,fd,&e1) == -1) return 111;
    lost = e1.lost;
    l0 = q.h[0].c.lines; c0 = q.h[0].c.changed; l1 = q.h[1].c.lines; c1 = q.h[1].c.changed;
    differ = s0 != l0 || t0 != c0 || s1 != l1 || t1 != c1;
    fdo = open("scandiff.1",O_WRONLY | O_CREAT | O_TRUNC,0600);
    if (lost != 0 || dyn_copy(fd,0,e1.size,&e1,fdo) == -1) return 111;
    close(fdo);
    fdo = open("scandiff.2",O_WRONLY | O_CREAT | O_TRUNC,0600);
    if (dyn_write(&b,fd,fdo,&e2) == -1) return 111;
    close(fdo);
    differ |= q.h[0].c.lines != l0 || q.h[0].c.changed != c0 || q.h[1].c.lines != l1 || q.h[1].c.changed != c1;
    fdo = open("scandiff.3",O_WRONLY | O_CREAT | O_TRUNC,0600);
    if (dyn_write(&bu,fd,fdo,&e3) == -1) return 111;
    close(fdo);
    close(fd);
    if (readfile("scandiff.1",&out1) == -1 || readfile("scandiff.2",&out2) == -1 || readfile("scandiff.3",&out3) == -1
        || readfile("scandiff.4",&out4) == -1) return 111;
    last = in.len;
    if (in.len && in.s[in.len - 1] != '\n')
      for (last = in.len - 1;last && in.s[last - 1] != '\n';--last) ;
    if (differ || stopped != (e1.n > 0 && e1.e[0].from < last) || q.h[0].c.lines != l0 || q.h[0].c.changed != c0 || q.h[1].c.lines != l1 || q.h[1].c.changed != c1
        || out1.len != out2.len || memcmp(out1.s,out2.s,out1.len)
        || out1.len != out3.len || memcmp(out1.s,out3.s,out1.len)
        || out1.len != out4.len || memcmp(out1.s,out4.s,out1.len)) {
      if (!bad) writefile("scandiff.bad",&in);
      ++bad;
    }
  }
  buffer_put(buffer_1,num,fmt_ulong(num,iters));
  buffer_puts(buffer_1," cases, ");
  buffer_put(buffer_1,num,fmt_ulong(num,bad));
  buffer_putsflush(buffer_1," differ\n");
  return 0;
}
