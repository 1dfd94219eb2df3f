#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "getln.h"
#include "str.h"
#include "datadir.h"
#include "dnsname.h"
#include "http.h"
#include "lock.h"
#include "replace.h"
#include "status.h"

/* What happens to one line of the status file. */
#define EV_ANSWER 0 /* a host's answer */
#define EV_ADD 1    /* tinydnsdyn-host add: a fresh line */
#define EV_DROP 2   /* tinydnsdyn-host remove: the line goes */

struct ev {
  const char *name;
  unsigned int len;
  int what;       /* EV_* */
  int code;       /* EV_ANSWER: DYN_* */
  int change4;    /* good: the IPv4 address changed; EV_ADD: it has one */
  int change6;
  int done;       /* its line was seen */
};

struct pass {
  struct ev ev[DYN_HOSTMAX];
  unsigned int n;
  unsigned long total[DYN_CODES]; /* answers to add to the "*" line */
  const char *client;
  const char *user;
  unsigned int userlen;
  unsigned long now;
};

static struct pass p;
static struct status_entry e;
static stralloc fn;
static const char *const statusfile[] = { DATADIR_STATUS, 0 };
static stralloc lockfn;
static stralloc line;
static stralloc outline;
static stralloc names;
static stralloc one;
static struct replace r;
static char inspace[BUFFER_INSIZE];
static char outspace[BUFFER_OUTSIZE];

static int isfailure(int code)
{
  return code == DYN_NOHOST || code == DYN_ABUSE || code == DYN_DNSERR
      || code == DYN_911 || code == DYN_BADAUTH;
}

static void clear(struct status_entry *x)
{
  int j;
  x->seen = x->change4 = x->change6 = x->fail = 0;
  x->failcode = 0;
  x->client.len = x->failclient.len = x->user.len = 0;
  for (j = 0;j < DYN_CODES;++j) x->count[j] = 0;
}

/* event v on the line in e; 0 if out of memory */
static int apply(const struct ev *v)
{
  if (v->what == EV_ADD) {
    clear(&e);
    if (v->change4) e.change4 = p.now;
    if (v->change6) e.change6 = p.now;
    return 1;
  }
  ++e.count[v->code];
  if (v->code == DYN_GOOD || v->code == DYN_NOCHG) {
    e.seen = p.now;
    if (v->change4) e.change4 = p.now;
    if (v->change6) e.change6 = p.now;
    if (!stralloc_copys(&e.client,p.client)) return 0;
    if (!stralloc_copyb(&e.user,p.user,p.userlen)) return 0;
  }
  else if (isfailure(v->code)) {
    e.fail = p.now;
    e.failcode = v->code;
    if (!stralloc_copys(&e.failclient,p.client)) return 0;
  }
  return 1;
}

static struct ev *find(const stralloc *name)
{
  unsigned int i;
  for (i = 0;i < p.n;++i)
    if (p.ev[i].len == name->len && case_equalb(p.ev[i].name,name->len,name->s)) return &p.ev[i];
  return 0;
}

static int creates(const struct ev *v)
{
  return v->what == EV_ADD || (v->what == EV_ANSWER && (v->code == DYN_GOOD || v->code == DYN_NOCHG));
}

static stralloc pending;                  /* new versions of lines, back to back */
static unsigned long at[DYN_HOSTMAX + 1]; /* where each goes in the file */
static unsigned int size[DYN_HOSTMAX + 1];

/* Writes the events of p over the lines they change, in place, if
   every one has a line whose slot holds its new version; fn is open in
   fd. 1 if done; 0 if the file must be made anew instead (nothing is
   written then); -1 on error (errno). */
static int inplace(int fd)
{
  buffer in;
  unsigned long off = 0;
  unsigned int n = 0;
  unsigned int pos;
  unsigned int i;
  int total = 0;
  int match;
  int j;
  struct ev *v;

  for (i = 0;i < p.n;++i) if (p.ev[i].what != EV_ANSWER) return 0;
  pending.len = 0;
  buffer_init(&in,buffer_unixread,fd,inspace,sizeof inspace);
  for (;;) {
    if (getln(&in,&line,&match,'\n',STATUS_LINEMAX) == -1) return -1;
    if (!line.len) break;
    if (!match) return 0; /* torn or overlong: a new file drops it */
    if (!status_parse(&e,line.s,line.len - 1)) { off += line.len; continue; }
    if (e.name.len == 1 && e.name.s[0] == '*') {
      if (total++) return 0;
      for (j = 1;j < DYN_CODES;++j) e.count[j] += p.total[j];
    }
    else {
      v = find(&e.name);
      if (!v) { off += line.len; continue; }
      if (v->done) return 0; /* a second line for it */
      for (i = 0;i < p.n;++i)
        if (p.ev[i].len == v->len && case_equalb(p.ev[i].name,v->len,v->name)) {
          p.ev[i].done = 1;
          if (!apply(&p.ev[i])) { errno = ENOMEM; return -1; }
        }
    }
    if (n > DYN_HOSTMAX) return 0;
    pos = pending.len;
    if (!status_fmt(&pending,&e)) { errno = ENOMEM; return -1; }
    if (pending.len - pos > line.len) return 0;
    /* the same slot: pad it out again */
    --pending.len;
    while (pending.len - pos < line.len - 1) if (!stralloc_append(&pending,' ')) { errno = ENOMEM; return -1; }
    if (!stralloc_append(&pending,'\n')) { errno = ENOMEM; return -1; }
    at[n] = off;
    size[n++] = line.len;
    off += line.len;
  }
  if (!total) return 0;
  for (i = 0;i < p.n;++i) if (!p.ev[i].done && creates(&p.ev[i])) return 0;
  for (i = 0,pos = 0;i < n;pos += size[i++])
    if (pwrite(fd,pending.s + pos,size[i],at[i]) != (int) size[i]) {
      if (!errno) errno = EIO;
      return -1;
    }
  return 1;
}

static int fail(int fdlock,int fdin)
{
  int x = errno;
  if (r.fd != -1) replace_abort(&r);
  if (fdin != -1) close(fdin);
  if (fdlock != -1) close(fdlock);
  errno = x;
  return -1;
}

/* Records the events in p in the status file of data, under its lock,
   waiting at most wait seconds: in place if it can (inplace), else as
   a new file, renamed over the old one. Then lines of other hosts are
   copied (at most STATUS_HOSTMAX lines in all), torn or foreign ones
   dropped; a host without a line gets one only from good, nochg or an
   add. 0 on success, -1 on error (errno); a new file is then not made,
   but lines written in place before the error stay. */
static int update(const char *data,unsigned int wait)
{
  struct stat st;
  buffer in;
  buffer out;
  unsigned long kept = 0;
  unsigned int i;
  int fdlock;
  int fdin;
  int match;
  int j;
  int total = 0;
  struct ev *v;

  r.fd = -1;
  /* no data file, no status: a wrong $DATA makes no files */
  if (access(data,F_OK) == -1) return errno == ENOENT ? 0 : -1;
  if (!datadir_name(&fn,data,DATADIR_STATUS)) { errno = ENOMEM; return -1; }
  if (!datadir_name(&lockfn,data,DATADIR_STATUSLOCK)) { errno = ENOMEM; return -1; }
  fdlock = lock_open(lockfn.s);
  if (fdlock == -1) return -1;
  if (lock_wait(fdlock,wait) == -1) return fail(fdlock,-1);
  /* a killed handler's temporary file (fn.tmp.*) goes at the next
     request, not only at the next new file: written only under the
     status lock, one seen now was left by a handler that died */
  datadir_clean(data,statusfile);
  fdin = open(fn.s,O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  if (fdin == -1 && errno != ENOENT) return fail(fdlock,-1);
  if (fdin != -1) {
    j = inplace(fdin);
    if (j == -1) return fail(fdlock,fdin);
    if (j == 1) { close(fdin); close(fdlock); return 0; }
    for (i = 0;i < p.n;++i) p.ev[i].done = 0;
    if (lseek(fdin,0,SEEK_SET) == -1) return fail(fdlock,fdin);
  }
  if (replace_open(&r,fn.s,0640) == -1) return fail(fdlock,fdin);
  if (fdin != -1) {
    /* keep its owner: root may run tinydnsdyn-host */
    if (fstat(fdin,&st) == -1) return fail(fdlock,fdin);
    if (st.st_uid != geteuid() || st.st_gid != getegid())
      if (fchown(r.fd,st.st_uid,st.st_gid) == -1) return fail(fdlock,fdin);
  }
  buffer_init(&out,buffer_unixwrite,r.fd,outspace,sizeof outspace);

  if (fdin != -1) {
    buffer_init(&in,buffer_unixread,fdin,inspace,sizeof inspace);
    for (;;) {
      if (getln(&in,&line,&match,'\n',STATUS_LINEMAX) == -1) return fail(fdlock,fdin);
      if (!line.len) break;
      if (!match) {
        if (line.len < STATUS_LINEMAX) break; /* a torn last line */
        do if (getln(&in,&line,&match,'\n',STATUS_LINEMAX) == -1) return fail(fdlock,fdin);
        while (!match && line.len);
        continue;
      }
      if (!status_parse(&e,line.s,line.len - 1)) continue;
      if (e.name.len == 1 && e.name.s[0] == '*') {
        if (total) continue;
        total = 1;
        for (j = 1;j < DYN_CODES;++j) e.count[j] += p.total[j];
      }
      else {
        v = find(&e.name);
        if (v) {
          if (v->done) continue; /* a second line for it */
          v->done = 1;
          if (v->what == EV_DROP) continue;
          for (i = 0;i < p.n;++i)
            if (&p.ev[i] == v || (!p.ev[i].done && p.ev[i].len == v->len && case_equalb(p.ev[i].name,v->len,v->name)))
              { p.ev[i].done = 1; if (!apply(&p.ev[i])) { errno = ENOMEM; return fail(fdlock,fdin); } }
        }
        if (kept >= STATUS_HOSTMAX) continue;
      }
      ++kept;
      outline.len = 0;
      if (!status_fmt(&outline,&e)) { errno = ENOMEM; return fail(fdlock,fdin); }
      if (buffer_put(&out,outline.s,outline.len) == -1) return fail(fdlock,fdin);
    }
    close(fdin);
    fdin = -1;
  }

  /* lines for hosts seen for the first time, and the first "*" line */
  for (i = 0;i < p.n;++i) {
    v = &p.ev[i];
    if (v->done || !creates(v)) continue;
    if (kept >= STATUS_HOSTMAX) break;
    clear(&e);
    if (!stralloc_copyb(&e.name,v->name,v->len)) { errno = ENOMEM; return fail(fdlock,-1); }
    for (j = i;j < (int) p.n;++j)
      if (!p.ev[j].done && p.ev[j].len == v->len && case_equalb(p.ev[j].name,v->len,v->name)) {
        p.ev[j].done = 1;
        if (!apply(&p.ev[j])) { errno = ENOMEM; return fail(fdlock,-1); }
      }
    ++kept;
    outline.len = 0;
    if (!status_fmt(&outline,&e)) { errno = ENOMEM; return fail(fdlock,-1); }
    if (buffer_put(&out,outline.s,outline.len) == -1) return fail(fdlock,-1);
  }
  if (!total) {
    clear(&e);
    if (!stralloc_copys(&e.name,STATUS_TOTAL)) { errno = ENOMEM; return fail(fdlock,-1); }
    for (j = 1;j < DYN_CODES;++j) e.count[j] = p.total[j];
    outline.len = 0;
    if (!status_fmt(&outline,&e)) { errno = ENOMEM; return fail(fdlock,-1); }
    if (buffer_put(&out,outline.s,outline.len) == -1) return fail(fdlock,-1);
  }
  if (buffer_flush(&out) == -1) return fail(fdlock,-1);
  if (replace_commit(&r,0) == -1) { r.fd = -1; return fail(fdlock,-1); }
  close(fdlock);
  return 0;
}

static void reset(const struct status_req *x)
{
  int j;
  p.n = 0;
  for (j = 0;j < DYN_CODES;++j) p.total[j] = 0;
  p.client = x ? x->client : "-";
  p.user = x ? x->user : "";
  p.userlen = x ? x->userlen : 0;
}

static void event(const char *name,unsigned int len,int what,int code,int c4,int c6)
{
  struct ev *v;
  if (p.n >= DYN_HOSTMAX) return;
  v = &p.ev[p.n++];
  v->name = name;
  v->len = len;
  v->what = what;
  v->code = code;
  v->change4 = c4;
  v->change6 = c6;
  v->done = 0;
}

/* a badauth names hosts only in its query: those with lines already
   get the failure; anything else in the list is nobody's */
static int badauthhosts(const struct status_req *x)
{
  unsigned int i;
  unsigned int j;
  int found;

  static const char *const hostname[] = { "hostname", 0 };

  /* as the handler reads it: a repeated one names nobody */
  found = http_param(x->query,x->querylen,hostname,&names);
  if (found == -1) return -1;
  if (found != 1) return 0;
  for (i = 0;i <= names.len && p.n < DYN_HOSTMAX;i = j + 1) {
    j = i + byte_chr(names.s + i,names.len - i,',');
    errno = 0;
    if (!dnsname_fqdn(&one,names.s + i,j - i)) {
      if (errno == ENOMEM) return -1;
      continue;
    }
    /* names' storage holds every name: copy this one back in place */
    byte_copy(names.s + i,one.len,one.s);
    event(names.s + i,one.len,EV_ANSWER,DYN_BADAUTH,0,0);
  }
  return 0;
}

/* Records request x in the status file of data: for each host its
   answer (good or nochg: seen, from where, by whom, and which address
   changed; a failure: when, what, from where) and in the "*" line every
   answer given. ACME requests count only there. 0 on success, -1 on
   error (errno): nothing is recorded, the caller only logs it. */
int status_record(const char *data,const struct status_req *x)
{
  const struct dyn_req *q = x->q;
  const struct dyn_host *h;
  unsigned int i;
  int c4;
  int c6;

  reset(x);
  p.now = x->now;
  if (x->code) {
    ++p.total[x->code];
    if (x->code == DYN_BADAUTH && badauthhosts(x) == -1) { errno = ENOMEM; return -1; }
  }
  else
    for (i = 0;i < q->nh;++i) {
      h = &q->h[i];
      if (h->result <= 0 || h->result >= DYN_CODES) continue;
      ++p.total[h->result];
      if (!h->ok || q->mode == DYN_TXT) continue;
      c4 = c6 = 0;
      if (h->result == DYN_GOOD && q->mode == DYN_SET) {
        c4 = h->lines4 && q->addr.has4 && !(h->hasold4 && byte_equal(h->old4,4,q->addr.ip4));
        c6 = h->lines6 && q->addr.has6 && !(h->hasold6 && byte_equal(h->old6,16,q->addr.ip6));
      }
      event(h->name.s,h->name.len,EV_ANSWER,h->result,c4,c6);
    }
  return update(data,STATUS_WAIT);
}

/* tinydnsdyn-host: with add, host name[0..len) gets a fresh line (its
   addresses of the families has4, has6 set now); without, its line
   goes. 0 or -1 (errno). */
int status_host(const char *data,const char *name,unsigned int len,int add,int has4,int has6,unsigned long now)
{
  reset(0);
  p.now = now;
  event(name,len,add ? EV_ADD : EV_DROP,0,has4,has6);
  return update(data,STATUS_WAIT * 6);
}
