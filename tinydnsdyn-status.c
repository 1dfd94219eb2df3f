#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "getln.h"
#include "scan.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"
#include "datadir.h"
#include "dyn.h"
#include "hostline.h"
#include "lock.h"
#include "replace.h"
#include "status.h"

#define FATAL "tinydnsdyn-status: fatal: "
#define WARNING "tinydnsdyn-status: warning: "
#define USAGE "tinydnsdyn-status: usage: tinydnsdyn-status [-s days] [--prom file] root"

/* address lines read from the data file; hosts shown */
#define LINEMAX (2 * STATUS_HOSTMAX)

struct host {
  unsigned int name;       /* offset in pool, 0-terminated */
  unsigned int namelen;
  struct dyn_addr a;       /* of its first line of each family */
  int known;               /* the status file has its line */
  unsigned long seen;
  unsigned long change4;
  unsigned long change6;
  unsigned long fail;
  int failcode;
  unsigned int client;     /* offsets in pool, 0-terminated */
  unsigned int failclient;
  unsigned int user;
  unsigned long count[DYN_CODES];
};

static struct host *h;
static unsigned int nh;
static int more;              /* lines left out: over LINEMAX */
static stralloc pool;
static stralloc name;
static stralloc line;
static struct status_entry e;
static unsigned long total[DYN_CODES];
static unsigned long now;
static unsigned long stale = 7;  /* days */
static const char *data;
static const char *prom;

static void nomem(void)
{
  strerr_die(111,FATAL,"out of memory",0,0,0);
}

static unsigned int keep(const char *s,unsigned int len)
{
  unsigned int at = pool.len;
  if (!stralloc_catb(&pool,s,len) || !stralloc_0(&pool)) nomem();
  return at;
}

#define S(off) (pool.s + (off))

static int byname(const void *a,const void *b)
{
  const struct host *x = a;
  const struct host *y = b;
  return str_diff(S(x->name),S(y->name));
}

/* -- the data file: every host with address lines, by dyn_line's rules */

/* the first address of each family of a host */
static void addaddr(struct dyn_addr *to,const struct dyn_addr *a)
{
  if (a->has4 && !to->has4) {
    to->has4 = 1; byte_copy(to->text4,a->len4,a->text4); to->len4 = a->len4;
  }
  if (a->has6 && !to->has6) {
    to->has6 = 1; byte_copy(to->text6,a->len6,a->text6); to->len6 = a->len6;
  }
}

/* a line of the data file (dyn_list): a host's address line is kept */
static int hostof(void *arg,const char *s,unsigned int len)
{
  struct dyn_addr a;
  unsigned int i;
  int wild;
  int x;

  (void) arg;
  x = hostline(s,len,&name,&wild,&a);
  if (x <= 0) return x;
  if (nh && h[nh - 1].namelen == name.len && byte_equal(S(h[nh - 1].name),name.len,name.s)) i = nh - 1;
  else {
    if (nh == LINEMAX) { more = 1; return 0; }
    i = nh++;
    byte_zero((char *) &h[i],sizeof h[i]);
    h[i].namelen = name.len;
    h[i].name = keep(name.s,name.len);
  }
  addaddr(&h[i].a,&a);
  return 0;
}

static void readdata(void)
{
  unsigned int i;
  unsigned int j;

  h = (struct host *) malloc(LINEMAX * sizeof *h);
  if (!h) nomem();
  if (dyn_list(data,hostof,0) == -1) {
    if (errno == ENOMEM) nomem();
    strerr_die(111,FATAL,"unable to read ",data,0,errno);
  }
  /* a host's lines need not be together: sort, then merge */
  qsort(h,nh,sizeof *h,byname);
  for (i = 0,j = 0;i < nh;++i) {
    if (j && str_equal(S(h[j - 1].name),S(h[i].name))) {
      addaddr(&h[j - 1].a,&h[i].a);
      continue;
    }
    if (j != i) h[j] = h[i];
    ++j;
  }
  nh = j;
}

/* -- the status file */

/* the host named n, in h sorted by name; 0 if none */
static struct host *find(stralloc *n)
{
  unsigned int lo = 0;
  unsigned int hi = nh;
  unsigned int mid;
  int c;

  if (!stralloc_0(n)) nomem();
  while (lo < hi) {
    mid = (lo + hi) / 2;
    c = str_diff(n->s,S(h[mid].name));
    if (!c) return &h[mid];
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

static void readstatus(void)
{
  static stralloc fn;
  char space[BUFFER_INSIZE];
  struct host *x;
  buffer b;
  int match;
  int fdlock;
  int fd;
  int j;

  if (!datadir_name(&fn,data,DATADIR_STATUSLOCK)) nomem();
  /* the handler writes lines in place under this lock: take it, if it
     is there and we may (read-only suffices for flock), so that no line
     is read half written; never create it, or it might be root's */
  fdlock = open(fn.s,O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fdlock != -1 && lock_wait(fdlock,STATUS_WAIT * 2) == -1)
    strerr_warn(WARNING,"unable to lock ",fn.s,", reading without the lock",errno);
  if (!datadir_name(&fn,data,DATADIR_STATUS)) nomem();
  fd = open(fn.s,O_RDONLY | O_CLOEXEC);
  if (fd == -1) {
    if (errno == ENOENT) { if (fdlock != -1) close(fdlock); return; }
    strerr_die(111,FATAL,"unable to open ",fn.s,0,errno);
  }
  buffer_init(&b,buffer_unixread,fd,space,sizeof space);
  for (;;) {
    if (getln(&b,&line,&match,'\n',STATUS_LINEMAX) == -1) strerr_die(111,FATAL,"unable to read ",fn.s,0,errno);
    if (!line.len) break;
    if (!match) {
      if (line.len < STATUS_LINEMAX) break;
      do if (getln(&b,&line,&match,'\n',STATUS_LINEMAX) == -1) strerr_die(111,FATAL,"unable to read ",fn.s,0,errno);
      while (!match && line.len);
      continue;
    }
    if (!status_parse(&e,line.s,line.len - 1)) continue;
    if (e.name.len == 1 && e.name.s[0] == '*') {
      for (j = 1;j < DYN_CODES;++j) total[j] = e.count[j];
      continue;
    }
    if (!stralloc_copy(&name,&e.name)) nomem();
    x = find(&name);
    if (!x || x->known) continue; /* a host no longer in the data file */
    x->known = 1;
    x->seen = e.seen;
    x->change4 = e.change4;
    x->change6 = e.change6;
    x->fail = e.fail;
    x->failcode = e.failcode;
    x->client = keep(e.client.s,e.client.len);
    x->failclient = keep(e.failclient.s,e.failclient.len);
    x->user = keep(e.user.s,e.user.len);
    for (j = 0;j < DYN_CODES;++j) x->count[j] = e.count[j];
  }
  close(fd);
  if (fdlock != -1) close(fdlock);
}

/* -- the table */

static int isstale(const struct host *x)
{
  return !x->seen || (now > x->seen && now - x->seen > stale * 86400);
}

static unsigned long failures(const struct host *x)
{
  unsigned long n = 0;
  int j;

  for (j = 1;j < DYN_CODES;++j) if (dyn_code_failure(j)) n += x->count[j];
  return n;
}

/* never seen first, then the longest unseen: what needs a look on top */
static int byseen(const void *a,const void *b)
{
  const struct host *x = a;
  const struct host *y = b;
  if (x->seen != y->seen) return x->seen < y->seen ? -1 : 1;
  return str_diff(S(x->name),S(y->name));
}

static void age(stralloc *sa,unsigned long t)
{
  unsigned long d;

  if (!t) { if (!stralloc_cats(sa,"-")) nomem(); return; }
  d = now > t ? now - t : 0;
  if (d < 120) { if (!stralloc_catulong(sa,d) || !stralloc_cats(sa,"s")) nomem(); }
  else if (d < 7200) { if (!stralloc_catulong(sa,d / 60) || !stralloc_cats(sa,"m")) nomem(); }
  else if (d < 172800) { if (!stralloc_catulong(sa,d / 3600) || !stralloc_cats(sa,"h")) nomem(); }
  else if (!stralloc_catulong(sa,d / 86400) || !stralloc_cats(sa,"d")) nomem();
}

#define COLS 8
static const char *const head[COLS] = {
  "host", "addresses", "changed", "seen", "client", "user", "failures", "note"
};
static stralloc cell[COLS];
static unsigned int width[COLS];

static void cells(const struct host *x)
{
  unsigned int c;

  for (c = 0;c < COLS;++c) cell[c].len = 0;
  if (!stralloc_cats(&cell[0],S(x->name))) nomem();
  if (x->a.has4 && !stralloc_catb(&cell[1],x->a.text4,x->a.len4)) nomem();
  if (x->a.has4 && x->a.has6 && !stralloc_cats(&cell[1],",")) nomem();
  if (x->a.has6 && !stralloc_catb(&cell[1],x->a.text6,x->a.len6)) nomem();
  if (!cell[1].len && !stralloc_cats(&cell[1],"-")) nomem();
  /* for each address, in the same order */
  if (x->a.has4) age(&cell[2],x->change4);
  if (x->a.has4 && x->a.has6 && !stralloc_cats(&cell[2],",")) nomem();
  if (x->a.has6) age(&cell[2],x->change6);
  if (!cell[2].len && !stralloc_cats(&cell[2],"-")) nomem();
  age(&cell[3],x->seen);
  if (!stralloc_cats(&cell[4],x->known && x->seen ? S(x->client) : "-")) nomem();
  if (!stralloc_cats(&cell[5],x->known && x->seen && *S(x->user) ? S(x->user) : "-")) nomem();
  if (!failures(x)) { if (!stralloc_cats(&cell[6],"-")) nomem(); }
  else {
    if (!stralloc_catulong(&cell[6],failures(x)) || !stralloc_cats(&cell[6],", last ")) nomem();
    if (!stralloc_cats(&cell[6],dyn_code_word(x->failcode)) || !stralloc_cats(&cell[6]," ")) nomem();
    age(&cell[6],x->fail);
    if (!stralloc_cats(&cell[6]," from ") || !stralloc_cats(&cell[6],S(x->failclient))) nomem();
  }
  if (!x->seen) { if (!stralloc_cats(&cell[7],"never seen")) nomem(); }
  else if (isstale(x)) { if (!stralloc_cats(&cell[7],"stale")) nomem(); }
  else if (!stralloc_cats(&cell[7],"-")) nomem();
}

static void row(void)
{
  unsigned int c;
  unsigned int i;

  for (c = 0;c < COLS;++c) {
    buffer_put(buffer_1,cell[c].s,cell[c].len);
    if (c == COLS - 1) break;
    for (i = cell[c].len;i < width[c] + 2;++i) buffer_put(buffer_1," ",1);
  }
  buffer_puts(buffer_1,"\n");
}

static void table(void)
{
  unsigned int i;
  unsigned int c;
  unsigned int nstale = 0;
  int j;
  const char *sep = "";

  qsort(h,nh,sizeof *h,byseen);
  for (c = 0;c < COLS;++c) width[c] = str_len(head[c]);
  for (i = 0;i < nh;++i) {
    cells(&h[i]);
    for (c = 0;c < COLS;++c) if (cell[c].len > width[c]) width[c] = cell[c].len;
    if (isstale(&h[i])) ++nstale;
  }
  for (c = 0;c < COLS;++c) {
    cell[c].len = 0;
    if (!stralloc_cats(&cell[c],head[c])) nomem();
  }
  row();
  for (i = 0;i < nh;++i) { cells(&h[i]); row(); }
  buffer_puts(buffer_1,"\n");
  {
    stralloc *s = &cell[0];
    s->len = 0;
    if (!stralloc_catulong(s,nh) || !stralloc_cats(s,nh == 1 ? " host, " : " hosts, ")) nomem();
    if (!stralloc_catulong(s,nstale) || !stralloc_cats(s," not seen for ")) nomem();
    if (!stralloc_catulong(s,stale) || !stralloc_cats(s,stale == 1 ? " day" : " days")) nomem();
    if (more && !stralloc_cats(s," (more address lines than shown)")) nomem();
    if (!stralloc_cats(s,"\nanswers:")) nomem();
    for (j = 1;j < DYN_CODES;++j) {
      if (!total[j]) continue;
      if (!stralloc_cats(s,sep) || !stralloc_cats(s," ") || !stralloc_cats(s,dyn_code_word(j))) nomem();
      if (!stralloc_cats(s," ") || !stralloc_catulong(s,total[j])) nomem();
      sep = ",";
    }
    if (!*sep && !stralloc_cats(s," none recorded")) nomem();
    if (!stralloc_cats(s,"\n")) nomem();
    buffer_put(buffer_1,s->s,s->len);
  }
  if (buffer_flush(buffer_1) == -1) strerr_die(111,FATAL,"unable to write output",0,0,errno);
}

/* -- Prometheus text format, for node_exporter's textfile collector */

static stralloc out;

static void outs(const char *s)
{
  if (!stralloc_cats(&out,s)) nomem();
}

static void outu(unsigned long u)
{
  if (!stralloc_catulong(&out,u)) nomem();
}

static void help(const char *metric,const char *type,const char *text)
{
  outs("# HELP "); outs(metric); outs(" "); outs(text); outs("\n");
  outs("# TYPE "); outs(metric); outs(" "); outs(type); outs("\n");
}

/* host names are letters, digits, '-' and '.': nothing to escape */
static void sample(const char *metric,const struct host *x,const char *k,const char *v,unsigned long u)
{
  outs(metric);
  outs("{host=\""); outs(S(x->name)); outs("\"");
  if (k) { outs(","); outs(k); outs("=\""); outs(v); outs("\""); }
  outs("} ");
  outu(u);
  outs("\n");
}

static void metrics(void)
{
  static struct replace r;
  unsigned int i;
  int j;

  qsort(h,nh,sizeof *h,byname);
  if (!stralloc_copys(&out,"")) nomem();
  help("tinydnsdyn_hosts","gauge","Dynamic hosts in the data file.");
  outs("tinydnsdyn_hosts "); outu(nh); outs("\n");
  help("tinydnsdyn_host_last_seen_timestamp_seconds","gauge","Time of the host's last good or nochg answer; 0 if never.");
  for (i = 0;i < nh;++i) sample("tinydnsdyn_host_last_seen_timestamp_seconds",&h[i],0,0,h[i].seen);
  help("tinydnsdyn_host_last_change_timestamp_seconds","gauge","Time the host's address of this family last changed or was added; 0 if unknown.");
  for (i = 0;i < nh;++i) {
    if (h[i].a.has4) sample("tinydnsdyn_host_last_change_timestamp_seconds",&h[i],"family","ipv4",h[i].change4);
    if (h[i].a.has6) sample("tinydnsdyn_host_last_change_timestamp_seconds",&h[i],"family","ipv6",h[i].change6);
  }
  help("tinydnsdyn_host_last_failure_timestamp_seconds","gauge","Time of the host's last failed update; 0 if none.");
  for (i = 0;i < nh;++i) sample("tinydnsdyn_host_last_failure_timestamp_seconds",&h[i],0,0,h[i].fail);
  help("tinydnsdyn_host_stale","gauge","1 if the host was not seen within the stale period (or never), else 0.");
  for (i = 0;i < nh;++i) sample("tinydnsdyn_host_stale",&h[i],0,0,(unsigned long) isstale(&h[i]));
  help("tinydnsdyn_host_answers_total","counter","Answers given for the host, by code.");
  for (i = 0;i < nh;++i)
    for (j = 1;j < DYN_CODES;++j)
      if (dyn_code_metric(j))
        sample("tinydnsdyn_host_answers_total",&h[i],"code",dyn_code_word(j),h[i].count[j]);
  help("tinydnsdyn_answers_total","counter","Answers given to requests with credentials, by code.");
  for (j = 1;j < DYN_CODES;++j) {
    outs("tinydnsdyn_answers_total{code=\""); outs(dyn_code_word(j)); outs("\"} ");
    outu(total[j]);
    outs("\n");
  }

  if (replace_open(&r,prom,0644) == -1) strerr_die(111,FATAL,"unable to create a temporary file for ",prom,0,errno);
  if (allwrite(buffer_unixwrite,r.fd,out.s,out.len) == -1) {
    replace_abort(&r);
    strerr_die(111,FATAL,"unable to write a temporary file for ",prom,0,errno);
  }
  if (replace_commit(&r,1) == -1) strerr_die(111,FATAL,"unable to replace ",prom,0,errno);
}

int main(int argc,char **argv)
{
  static stralloc promfn;
  static char cwd[4096];
  const char *root = 0;
  int i;

  for (i = 1;i < argc;++i) {
    if (str_equal(argv[i],"-s") || str_equal(argv[i],"--stale")) {
      if (++i == argc || !*argv[i] || argv[i][scan_ulong(argv[i],&stale)] || !stale || stale > 36500)
        strerr_die(100,USAGE,0,0,0,0);
    }
    else if (str_equal(argv[i],"--prom")) {
      if (++i == argc || !*argv[i]) strerr_die(100,USAGE,0,0,0,0);
      prom = argv[i];
    }
    else if (argv[i][0] == '-' || root) strerr_die(100,USAGE,0,0,0,0);
    else root = argv[i];
  }
  if (!root) strerr_die(100,USAGE,0,0,0,0);
  data = getenv("DATA");
  if (!data || !*data) data = "data.dyn";
  if (!datadir_nameok(data)) strerr_die(100,FATAL,"$DATA must be a file name in the root",0,0,0);
  if (prom && prom[0] != '/') {
    /* named from where we were started */
    if (!getcwd(cwd,sizeof cwd)) strerr_die(111,FATAL,"unable to get the current directory",0,0,errno);
    if (!stralloc_copys(&promfn,cwd) || !stralloc_cats(&promfn,"/") || !stralloc_cats(&promfn,prom) || !stralloc_0(&promfn)) nomem();
    prom = promfn.s;
  }
  if (chdir(root) == -1) strerr_die(111,FATAL,"unable to chdir to ",root,0,errno);
  now = (unsigned long) time(0);
  readdata();
  readstatus();
  if (prom) metrics();
  else table();
  return 0;
}
