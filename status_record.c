#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "alloc.h"
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "getln.h"
#include "datadir.h"
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

static struct {
  struct ev *ev;                  /* n of them, room for room */
  unsigned int n;
  unsigned int room;
  unsigned long total[DYN_CODES]; /* answers to add to the "*" line */
  const char *client;
  const char *user;
  unsigned int userlen;
  unsigned long now;
} p;

static struct status_entry e;
static stralloc fn;
static const char *const statusfile[] = { DATADIR_STATUS, 0 };
static stralloc lockfn;
static stralloc line;
static stralloc outline;
static struct replace r;
static buffer out;
static char inspace[BUFFER_INSIZE];
static char outspace[BUFFER_OUTSIZE];

/* event v on the line in e; 0 if out of memory */
static int apply(const struct ev *v)
{
  int j;

  if (v->what == EV_ADD) {
    e.seen = e.fail = 0;
    e.failcode = 0;
    e.change4 = v->change4 ? p.now : 0;
    e.change6 = v->change6 ? p.now : 0;
    e.client.len = e.failclient.len = e.user.len = 0;
    for (j = 0;j < DYN_CODES;++j) e.count[j] = 0;
    return 1;
  }
  ++e.count[v->code];
  if (dyn_code_served(v->code)) {
    e.seen = p.now;
    if (v->change4) e.change4 = p.now;
    if (v->change6) e.change6 = p.now;
    if (!stralloc_copys(&e.client,p.client)) return 0;
    if (!stralloc_copyb(&e.user,p.user,p.userlen)) return 0;
  }
  else if (dyn_code_failure(v->code)) {
    e.fail = p.now;
    e.failcode = v->code;
    if (!stralloc_copys(&e.failclient,p.client)) return 0;
  }
  return 1;
}

static int same(const struct ev *v,const char *name,unsigned int len)
{
  return v->len == len && case_equalb(v->name,len,name);
}

/* every event of the host name (from the first not done on), applied
   to the line in e; 0 if out of memory */
static int applyall(const char *name,unsigned int len)
{
  unsigned int i;

  for (i = 0;i < p.n;++i)
    if (!p.ev[i].done && same(&p.ev[i],name,len)) {
      p.ev[i].done = 1;
      if (!apply(&p.ev[i])) return 0;
    }
  return 1;
}

static struct ev *find(const stralloc *name)
{
  unsigned int i;
  for (i = 0;i < p.n;++i) if (same(&p.ev[i],name->s,name->len)) return &p.ev[i];
  return 0;
}

/* a line is made for a host without one only by these */
static int creates(const struct ev *v)
{
  return v->what == EV_ADD || (v->what == EV_ANSWER && dyn_code_served(v->code));
}

static void total(void)
{
  int j;
  for (j = 1;j < DYN_CODES;++j) e.count[j] += p.total[j];
}

/* e as a line, into the new file; 0 if out of memory, -1 on error */
static int emit(void)
{
  outline.len = 0;
  if (!status_fmt(&outline,&e)) { errno = ENOMEM; return -1; }
  return buffer_put(&out,outline.s,outline.len);
}

static stralloc pending;           /* new versions of lines, back to back */
static unsigned long *at;          /* where each goes in the file */
static unsigned int *size;

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
  int seen = 0;
  int match;
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
      if (seen++) return 0;
      total();
    }
    else {
      v = find(&e.name);
      if (!v) { off += line.len; continue; }
      if (v->done) return 0; /* a second line for it */
      if (!applyall(v->name,v->len)) { errno = ENOMEM; return -1; }
    }
    if (n >= p.n + 1) return 0;
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
  if (!seen) return 0;
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
  unsigned long kept = 0;
  unsigned int i;
  int fdlock;
  int fdin;
  int match;
  int seen = 0;
  int x;
  struct ev *v;

  r.fd = -1;
  /* no data file, no status: a wrong $DATA makes no files */
  if (access(data,F_OK) == -1) return errno == ENOENT ? 0 : -1;
  if (!datadir_name(&fn,data,DATADIR_STATUS)) { errno = ENOMEM; return -1; }
  if (!datadir_name(&lockfn,data,DATADIR_STATUSLOCK)) { errno = ENOMEM; return -1; }
  if (!alloc_re((char **) &at,0,(p.n + 1) * sizeof *at)) return -1;
  if (!alloc_re((char **) &size,0,(p.n + 1) * sizeof *size)) return -1;
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
    x = inplace(fdin);
    if (x == -1) return fail(fdlock,fdin);
    if (x == 1) { close(fdin); close(fdlock); return 0; }
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
        if (seen) continue;
        seen = 1;
        total();
      }
      else {
        v = find(&e.name);
        if (v) {
          if (v->done) continue; /* a second line for it */
          if (v->what == EV_DROP) { v->done = 1; continue; }
          if (!applyall(v->name,v->len)) { errno = ENOMEM; return fail(fdlock,fdin); }
        }
        if (kept >= STATUS_HOSTMAX) continue;
      }
      ++kept;
      if (emit() == -1) return fail(fdlock,fdin);
    }
    close(fdin);
    fdin = -1;
  }

  /* lines for hosts seen for the first time, and the first "*" line */
  for (i = 0;i < p.n;++i) {
    v = &p.ev[i];
    if (v->done || !creates(v)) continue;
    if (kept >= STATUS_HOSTMAX) break;
    if (!status_parse(&e,v->name,v->len) || !applyall(v->name,v->len)) { errno = ENOMEM; return fail(fdlock,-1); }
    ++kept;
    if (emit() == -1) return fail(fdlock,-1);
  }
  if (!seen) {
    if (!status_parse(&e,STATUS_TOTAL,1)) { errno = ENOMEM; return fail(fdlock,-1); }
    total();
    if (emit() == -1) return fail(fdlock,-1);
  }
  if (buffer_flush(&out) == -1) return fail(fdlock,-1);
  if (replace_commit(&r,0) == -1) { r.fd = -1; return fail(fdlock,-1); }
  close(fdlock);
  return 0;
}

/* p emptied, with room for n events; 0 if out of memory */
static int reset(unsigned int n,const char *client,const char *user,unsigned int userlen,unsigned long now)
{
  int j;

  if (n > p.room) {
    if (!alloc_re((char **) &p.ev,0,n * sizeof *p.ev)) return 0;
    p.room = n;
  }
  p.n = 0;
  for (j = 0;j < DYN_CODES;++j) p.total[j] = 0;
  p.client = client;
  p.user = user;
  p.userlen = userlen;
  p.now = now;
  return 1;
}

static void event(const char *name,unsigned int len,int what,int code,int c4,int c6)
{
  struct ev *v;
  if (p.n >= p.room) return;
  v = &p.ev[p.n++];
  v->name = name;
  v->len = len;
  v->what = what;
  v->code = code;
  v->change4 = c4;
  v->change6 = c6;
  v->done = 0;
}

/* Records request q, answered as its hosts' results say (or code, one
   answer for the whole request: then only the hosts it gave that
   answer to, such as badauth's), from client at now, in the status
   file of data: for each host its answer (good or nochg: seen, from
   where, by whom, and which address changed; a failure: when, what,
   from where) and in the "*" line every answer given. ACME requests
   count only there. 0 on success, -1 on error (errno): nothing is
   recorded, the caller only logs it. */
int status_record(const char *data,const struct dyn_req *q,int code,const char *client,unsigned long now)
{
  const struct dyn_host *h;
  unsigned int i;

  if (!reset(q->nh,client,q->user.s,q->user.len,now)) { errno = ENOMEM; return -1; }
  if (code) ++p.total[code];
  for (i = 0;i < q->nh;++i) {
    h = &q->h[i];
    if (h->r.code <= 0 || h->r.code >= DYN_CODES) continue;
    if (!code) ++p.total[h->r.code];
    if (!h->ok || q->mode == DYN_TXT) continue;
    event(h->name.s,h->name.len,EV_ANSWER,h->r.code,h->r.new4,h->r.new6);
  }
  return update(data,STATUS_WAIT);
}

/* tinydnsdyn-host: with add, host name[0..len) gets a fresh line (its
   addresses of the families has4, has6 set now); without, its line
   goes. 0 or -1 (errno). */
int status_host(const char *data,const char *name,unsigned int len,int add,int has4,int has6,unsigned long now)
{
  if (!reset(1,"-","",0,now)) { errno = ENOMEM; return -1; }
  event(name,len,add ? EV_ADD : EV_DROP,0,has4,has6);
  return update(data,STATUS_WAIT * 6);
}
