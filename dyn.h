#ifndef DYN_H
#define DYN_H

#include <sys/types.h>
#include <sys/stat.h>
#include "stralloc.h"
#include "ip4.h"
#include "ip6.h"
#include "replace.h"

#define DYN_HOSTMAX 1000   /* hosts in one request, at most (MAXHOSTS) */
#define DYN_HOSTDEFAULT 20 /* MAXHOSTS's default: dyn.com's limit */
#define DYN_LINEMAX 65536  /* longest line edited, newline not counted;
                              longer lines are copied as they are */

/* Every answer, one row each, the one home of what it means:
     DYN_ROW(NAME,word,served,failure,metric)
   NAME gives DYN_NAME; word is dyn.com's return code; served: it tells
   the client its addresses are served, so it may be said only once a
   make saw them (good, nochg); failure: the status file records it as
   the host's last failure; metric: tinydnsdyn-status --prom exports it
   per host. A new answer is a new row, and the place that gives it.
   The status file names answers by word, so rows may be added. */
#define DYN_CODEROWS \
  DYN_ROW(NOTFQDN,"notfqdn",0,0,0) \
  DYN_ROW(NOHOST,"nohost",0,1,1) \
  DYN_ROW(NOCHG,"nochg",1,0,1) \
  DYN_ROW(GOOD,"good",1,0,1) \
  DYN_ROW(DNSERR,"dnserr",0,1,1) \
  DYN_ROW(911,"911",0,1,1) \
  DYN_ROW(ABUSE,"abuse",0,1,1) \
  DYN_ROW(NUMHOST,"numhost",0,0,0) \
  DYN_ROW(BADAGENT,"badagent",0,0,0) \
  DYN_ROW(BADAUTH,"badauth",0,1,1)

enum dyn_code {
  DYN_NONE, /* 0: not answered yet */
#define DYN_ROW(n,w,s,f,m) DYN_##n,
  DYN_CODEROWS
#undef DYN_ROW
  DYN_CODES
};

extern const char *dyn_code_word(int);
extern int dyn_code_served(int);
extern int dyn_code_failure(int);
extern int dyn_code_metric(int);
extern int dyn_code_byword(const char *,unsigned int);

/* what a nohost or an abuse means, for the log line (never the client) */
#define DYN_WHY_NOTYOURS 1   /* the user may not update it */
#define DYN_WHY_NOLINES 2    /* no address line of it in the data file */
#define DYN_WHY_NOIPV4 3     /* its lines are all IPv6, the request IPv4 */
#define DYN_WHY_NOIPV6 4     /* and the other way round */
#define DYN_WHY_PTR 5        /* a PTR in a zone the served data has */
extern const char *dyn_why_word(int);

/* What one pass found of a host: set anew by every pass, copied whole. */
struct dyn_count {
  unsigned long lines;    /* its address lines, of the families asked for */
  unsigned long lines4;   /* of those, +, = and +*. lines */
  unsigned long lines6;   /* of those, :28:, :*.:28:, 6, 3 and 3*. lines */
  unsigned long other;    /* its address lines of a family not asked for */
  unsigned long changed;  /* lines that change (TXT: removed and added) */
  unsigned long ptrserved; /* = and 6 lines whose new address has its PTR
                              in a zone data.cdb serves (dyn_ptr) */
  unsigned long txtlines; /* its live challenge lines */
  unsigned long txtgone;  /* of those, lines this request removes */
  unsigned int txtfound;  /* bit j: request value j is among them */
  unsigned long long txtnewest; /* the latest time to die of the others */
  unsigned long txtnewestat;    /* the last of the others dying then:
                                   its place among the live lines */
  int hasold4;            /* old4: the address of its last IPv4 line */
  char old4[4];           /*   seen, before any change */
  int hasold6;            /* the same for IPv6 */
  char old6[16];
};

/* A host's answer, finished by dyn_results: what the HTTP answer, the
   log line, the status file and ONCHANGE each read, and what a leader
   hands back to a waiting handler. Copied whole. */
struct dyn_result {
  int code;               /* DYN_* */
  int why;                /* DYN_WHY_*, or 0 */
  int has4;               /* it has lines of that family (of those */
  int has6;               /*   asked for): the address is echoed */
  int new4;               /* good: its IPv4 address changed */
  int new6;
  int hasold4;            /* its address before (dyn_count) */
  char old4[4];
  int hasold6;
  char old6[16];
};

struct dyn_host {
  stralloc name;          /* lower case, no trailing dot; valid if ok */
  int ok;                 /* name is a valid FQDN (else kept for the log) */
  int allowed;            /* this user may update it, and nothing refused it */
  int txt;                /* TXT request: its challenge values may change */
  int abuse;              /* refused: changed too often, or a ninth value */
  int ptr;                /* refused: a PTR into a zone this data serves */
  unsigned long txtkeep;   /* DYN_TXTROLL, once its second scan has seen
                              the others: 1 + the place of the one that
                              stays among the live lines (0: not yet) */
  struct dyn_count c;
  struct dyn_result r;
};

/* The addresses of an address request: an IPv4 one, an IPv6 one or
   both. Only lines of a family the request has are touched. The IPv6
   one may be a prefix (prefix6 not 0): then only the top prefix6 bits
   of each IPv6 line's address change, the rest (its interface
   identifier) stays. */
#define DYN_PREFIXMIN 8     /* shortest prefix taken; 128 is an address */
#define DYN_TEXT6 (IP6_FMT + 4) /* RFC 5952 text and "/LEN" */

struct dyn_addr {
  int has4;
  char ip4[4];
  char text4[IP4_FMT];
  unsigned int len4;
  int has6;
  char ip6[16];          /* a prefix: its bits after prefix6 are 0 */
  unsigned int prefix6;  /* 0: ip6 is the address; else DYN_PREFIXMIN..127 */
  char text6[DYN_TEXT6]; /* RFC 5952, with /prefix6 for a prefix */
  unsigned int len6;
};

/* ACME DNS-01 challenge values: 'HOST:VALUE:0:TIMESTAMP lines with
   HOST = _acme-challenge.NAME, TTL 0 and a TAI64 time-to-die, which
   tinydns stops serving by itself. A TXT request changes only these
   lines, of hosts that have address lines. */
#define DYN_ACME "_acme-challenge." /* the challenge name's first label */
#define DYN_ACMELEN 16
#define DYN_TXTMAX 8       /* values of one host */
#define DYN_TXTLEN 255     /* bytes in one value */
#define DYN_TXTNAMEMAX 237 /* longest NAME: _acme-challenge.NAME fits in 253 */
#define DYN_TXTADD 1
#define DYN_TXTSET 2
#define DYN_TXTDEL 3
#define DYN_TXTROLL 4      /* acme-dns's: the new value and the host's
                              newest other one stay, older ones go */

struct dyn_txt {
  int action;              /* DYN_TXTADD, DYN_TXTSET, DYN_TXTDEL or DYN_TXTROLL */
  unsigned int n;          /* values; 0: every value of the host goes */
  char v[DYN_TXTMAX][DYN_TXTLEN];
  unsigned int len[DYN_TXTMAX];
  unsigned long lifetime;  /* seconds new lines are served */
};

struct dyn_limits {
  unsigned long mininterval; /* seconds between changes of one host; 0: none */
  unsigned long perhour;     /* changes of one host an hour; 0: no limit */
};

/* What a request asks of the data file. The handler's: */
#define DYN_SET 0  /* set the addresses in addr */
#define DYN_KEEP 1 /* find the hosts' lines of either family, change none */
#define DYN_TXT 2  /* change the hosts' challenge values as txt says */
/* tinydnsdyn-host's (one host each): */
#define DYN_DROP 3 /* its address and challenge lines go */
#define DYN_ADD 4  /* find its lines of either family; add adds lines */
#define DYN_TAKE 5 /* its address lines go, into add, with TTL at most ttl */

struct dyn_req {
  /* what it asks, as a waiting entry carries it (dyn_spool) */
  int mode;
  struct dyn_addr addr;        /* DYN_SET */
  struct dyn_txt txt;          /* DYN_TXT */
  unsigned long now;           /* the request's clock: seconds since 1970 */
  /* the rest */
  unsigned long deadline;      /* a waiting change's: its handler answers
                                  911 from then on (seconds of the shared
                                  monotonic clock, deadline_clock: a clock
                                  set back or forth moves no deadline);
                                  0 for the leader's own */
  stralloc user;               /* whose request it is */
  stralloc add;                /* DYN_ADD: lines added at the end;
                                  DYN_TAKE: the lines taken */
  unsigned long ttl;           /* DYN_TAKE */
  unsigned int nh;
  struct dyn_host *h;          /* nh of them (dyn_req_hosts) */
  unsigned int room;           /* hosts h has room for */
};

extern int dyn_req_hosts(struct dyn_req *,unsigned int);
extern void dyn_txtnames(struct dyn_req *);

/* what tinydns-data writes in $ROOT and tinydns serves */
#define DYN_CDB "data.cdb"

/* TAI64 label of q->now, as tinydns reads a time-to-die */
#define DYN_TAI(q) (4611686018427387914ULL + (unsigned long long) (q)->now)

/* Requests applied together by one rewrite (group commit): each host
   name belongs to at most one of them, so every answer stays exact. */
#define DYN_BATCHMAX 512     /* requests */
#define DYN_MARGIN 1         /* seconds: a waiting change is applied only
                                if its handler waits for more than this
                                after the check before the rename */
/* 1 if a waiting change whose handler gives up (answers 911) at
   deadline is too late to be applied at now: the one rule for taking
   it into a batch (dyn_spool_read), keeping it there (dyn_apply) and
   dropping it (lead) */
#define dyn_late(deadline,now) ((deadline) <= (now) + DYN_MARGIN)
#define DYN_BATCHHOSTS 4096  /* hosts in them */
#define DYN_FILTER 65536     /* bits of the name filter: a power of 2 */

struct dyn_batch {
  struct dyn_req **r;                /* n of them, room for max */
  unsigned int n;
  unsigned int max;
  unsigned int nh;                   /* hosts indexed */
  unsigned int *ix;                  /* the index: 0, or 1 + request *
                                        DYN_HOSTMAX + host; slots */
  unsigned int slots;                /* a power of 2, over twice maxhosts */
  unsigned int maxhosts;
  unsigned char filter[DYN_FILTER / 8]; /* dyn_filterbit of its keys */
  int unfiltered;                    /* a host's name is shorter than 8 bytes */
  struct dyn_limits limits;          /* for dyn_abuse */
  /* a listing pass (dyn_list): every line goes to each, none to dyn_line */
  int (*each)(void *,const char *,unsigned int);
  void *arg;
};

/* The batch's filter, for a pass that looks up few of the file's
   lines: a line of a request in b (dyn_linename, dyn_batch_find) has
   as its bytes 1..8, after the type, one of b's keys: a host's first 8
   bytes (+name = name 6name ...), "*." and its first 6 (+*.name ...),
   or DYN_ACME's first 8 (every ACME challenge line is every request's). Bit
   of the 8 bytes at s, ASCII letters folded to lower case (| 0x20
   changes no other byte a host name has; others only collide). */
static inline unsigned int dyn_filterbit(const char *s)
{
  const unsigned char *u = (const unsigned char *) s;
  unsigned long long a;

  a = (unsigned long long) u[0] | (unsigned long long) u[1] << 8
    | (unsigned long long) u[2] << 16 | (unsigned long long) u[3] << 24
    | (unsigned long long) u[4] << 32 | (unsigned long long) u[5] << 40
    | (unsigned long long) u[6] << 48 | (unsigned long long) u[7] << 56;
  a |= 0x2020202020202020ULL;
  return (unsigned int) (a * 0x9e3779b97f4a7c15ULL >> 40) & (DYN_FILTER - 1);
}

/* The changes of one pass, in file order: file bytes [from,to) become
   bytes.s[pos..pos+len). At most max (DYN_EDITMAX if 0) are kept. */
#define DYN_EDITMAX 256

struct dyn_edit {
  unsigned long from;
  unsigned long to;
  unsigned int pos;
  unsigned int len;
};

struct dyn_edits {
  struct dyn_edit e[DYN_EDITMAX];
  unsigned int n;
  unsigned int max;
  int stop;              /* dyn_scan: stop at the first line that changes */
  unsigned long next;    /* where a stopped scan goes on (0: none stopped) */
  int lost;              /* dyn_scan: more edits than e holds */
  stralloc bytes;
  unsigned long size;    /* bytes of the file the pass read */
  const char *why;       /* after a pass failed: what failed */
};

/* What a look at one version of the data file found, for one request:
   its edits, and which version (dyn_apply uses them if the file is
   still that one, and finishes the scan if it stopped). */
struct dyn_seen {
  struct dyn_edits *e;
  unsigned long long dev, ino, size, sec, nsec;
};

/* the generation numbers kept in the data lock file */
struct dyn_state {
  unsigned long written; /* data file replacements so far */
  unsigned long built;   /* the written count the last good make saw */
};

/* One change of the data file (dyn_txn): its lock, the version read,
   the new version. Every writer of the data file goes through it. */
struct dyn_txn {
  const char *fn;          /* the data file, in the current directory */
  int fdlock;              /* the data lock, held; -1: not */
  struct dyn_state state;  /* its generation numbers, under the lock */
  int fdin;                /* the version read; -1: none open */
  struct stat st;          /* of fdin */
  struct replace r;        /* the new version; r.fd -1: none */
};

/* How a request is updated (dyn_update). */
struct dyn_opts {
  const char *data;          /* $DATA, in the current directory */
  unsigned int wait;         /* seconds to wait for the data lock */
  int alone;                 /* GROUPCOMMIT=0: no batch, no hand-off */
  struct dyn_limits limits;  /* MAXPERHOUR, MININTERVAL */
  /* a waiting change read back: the hosts its user may update marked
     allowed again (from the password file), 0; -1 on error (errno) */
  int (*recheck)(struct dyn_req *);
};

/* What an update did, for dyn_publish. */
struct dyn_done {
  struct dyn_state state;    /* the generation that has the change: written */
  int fdold;                 /* -1, or the replaced version, still open */
};

/* How a generation is published (dyn_publish). */
struct dyn_pub {
  const char *data;          /* $DATA */
  unsigned long gen;         /* the generation to be served */
  int always;                /* GROUPCOMMIT=0: make anyway, under the data lock */
  unsigned int wait;         /* seconds to wait for the build lock */
  unsigned int limit;        /* seconds make may run: then it is killed */
  int sync;                  /* this handler renamed: sync the directory */
  int fdold;                 /* -1, or the replaced version (dyn_done) */
  int wstat;                 /* after 1: how make failed */
};

extern int dyn_addr_scan(struct dyn_addr *,const char *,unsigned int);
extern int dyn_prefix_scan(struct dyn_addr *,const char *,unsigned int);
extern int dyn_txtscan(struct dyn_txt *,const char *,unsigned int);
extern int dyn_linename(const char *,unsigned int,unsigned int *,unsigned int *);
extern int dyn_line(struct dyn_req *,const char *,unsigned int,stralloc *);
extern int dyn_txtline(struct dyn_req *,const char *,unsigned int);
extern int dyn_txtend(struct dyn_req *,stralloc *);
extern int dyn_batch_start(struct dyn_batch *,unsigned int,unsigned int);
extern int dyn_batch_add(struct dyn_batch *,struct dyn_req *);
extern struct dyn_req *dyn_batch_find(const struct dyn_batch *,const char *,unsigned int);
extern int dyn_scan(struct dyn_batch *,int,struct dyn_edits *);
extern int dyn_write(struct dyn_batch *,int,int,struct dyn_edits *);
extern int dyn_count(struct dyn_batch *,int,struct dyn_edits *);
extern int dyn_list(const char *,int (*)(void *,const char *,unsigned int),void *);
extern int dyn_copy(int,unsigned long,unsigned long,const struct dyn_edits *,int);
extern int dyn_abuse(struct dyn_batch *,const char *,int);
extern int dyn_ptrline(const char *,int);
extern int dyn_ptr(struct dyn_req *);
extern void dyn_results(struct dyn_req *);
extern int dyn_apply(struct dyn_batch *,struct dyn_txn *,const struct dyn_seen *,const char **);
extern int dyn_update(struct dyn_req *,const struct dyn_opts *,struct dyn_done *,const char **);
extern int dyn_publish(struct dyn_pub *,const char **);
extern int dyn_published(const struct dyn_state *,unsigned long);
extern int dyn_txn_lock(struct dyn_txn *,const char *,unsigned int,const char **);
extern int dyn_txn_open(struct dyn_txn *,const char **);
extern int dyn_txn_new(struct dyn_txn *,const char **);
extern int dyn_txn_sync(struct dyn_txn *,const char **);
extern int dyn_txn_commit(struct dyn_txn *,const char **);
extern void dyn_txn_abandon(struct dyn_txn *);
extern void dyn_txn_unlock(struct dyn_txn *);
extern int dyn_state_read(int,struct dyn_state *);
extern int dyn_state_write(int,const struct dyn_state *);
extern int dyn_state_peek(const char *,struct dyn_state *);
extern int dyn_cleantemp(const char *);
extern int dyn_spool_id(stralloc *);
extern int dyn_spool_put(const struct dyn_req *,const char *,const stralloc *,unsigned long);
extern int dyn_spool_read(struct dyn_req *,const char *,const stralloc *,unsigned long);
extern int dyn_spool_drop(const char *,const stralloc *);
extern int dyn_spool_answer(const struct dyn_req *,const char *,const stralloc *,unsigned long);
extern int dyn_spool_result(struct dyn_req *,int,unsigned long *);
extern int dyn_spool_next(const char *,stralloc *);
extern int dyn_touch(const char *);

#endif
