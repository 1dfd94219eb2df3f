#ifndef DYN_H
#define DYN_H

#include "stralloc.h"
#include "ip4.h"
#include "ip6.h"

#define DYN_HOSTMAX 1000   /* hosts in one request, at most (MAXHOSTS) */
#define DYN_HOSTDEFAULT 20 /* MAXHOSTS's default: dyn.com's limit */
#define DYN_LINEMAX 65536  /* longest line edited, newline not counted;
                              longer lines are copied as they are */

/* Answers: one table (dyn_code.c) gives each its word and whether it
   promises that the host's addresses are served. */
#define DYN_NOTFQDN 1
#define DYN_NOHOST 2
#define DYN_NOCHG 3
#define DYN_GOOD 4
#define DYN_DNSERR 5
#define DYN_911 6
#define DYN_ABUSE 7
#define DYN_NUMHOST 8
#define DYN_BADAGENT 9
#define DYN_BADAUTH 10
#define DYN_CODES 11

extern const char *dyn_code_word(int);
extern int dyn_code_served(int);

struct dyn_host {
  stralloc name;          /* lower case, no trailing dot; valid if ok */
  int ok;                 /* name is a valid FQDN */
  int allowed;            /* this user may update it */
  int abuse;              /* changed too often: left as it is */
  int ptr;                /* one of its = or 6 lines would put a PTR
                             into a zone this data serves: left as it is */
  unsigned long lines;    /* its address lines seen, of the families asked for */
  unsigned long lines4;   /* of those, +, = and +*. lines */
  unsigned long lines6;   /* of those, :28:, :*.:28:, 6, 3 and 3*. lines */
  unsigned long changed;  /* of those, lines whose address differs */
  unsigned long ptrserved; /* of those, = and 6 lines whose new address
                              has its PTR in a zone data.cdb serves */
  int result;             /* DYN_* */
  int txt;                /* TXT request: its challenge values may change */
  unsigned long txtlines; /* its live challenge lines */
  unsigned long txtgone;  /* of those, lines this request removes */
  unsigned int txtfound;  /* bit j: request value j is among them */
  int hasold4;            /* old4 holds the address of its last IPv4 line */
  char old4[4];           /*   seen, before any change (status, onchange) */
  int hasold6;            /* the same for IPv6 */
  char old6[16];
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

struct dyn_txt {
  int action;              /* DYN_TXTADD, DYN_TXTSET or DYN_TXTDEL */
  unsigned int n;          /* values; 0: every value of the host goes */
  char v[DYN_TXTMAX][DYN_TXTLEN];
  unsigned int len[DYN_TXTMAX];
  unsigned long lifetime;  /* seconds new lines are served */
};

struct dyn_limits {
  unsigned long mininterval; /* seconds between changes of one host; 0: none */
  unsigned long perhour;     /* changes of one host an hour; 0: no limit */
};

/* What a request asks of the data file. */
#define DYN_SET 0  /* set the addresses in addr */
#define DYN_KEEP 1 /* find the hosts' lines of either family, change none */
#define DYN_TXT 2  /* change the hosts' challenge values as txt says */

struct dyn_req {
  int mode;
  unsigned int nh;
  struct dyn_addr addr;        /* DYN_SET */
  struct dyn_txt txt;          /* DYN_TXT */
  struct dyn_limits limits;
  unsigned long now;           /* the request's clock: seconds since 1970 */
  unsigned long deadline;      /* a waiting change's: its handler answers
                                  911 from then on (seconds of the shared
                                  monotonic clock, deadline_clock: a clock
                                  set back or forth moves no deadline);
                                  0 for the leader's own */
  struct dyn_host h[DYN_HOSTMAX]; /* last: only h[0..nh) is ever used */
};

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
#define DYN_INDEX 8192       /* slots of the host index: a power of 2 */
#define DYN_FILTER 65536     /* bits of the name filter: a power of 2 */

struct dyn_batch {
  struct dyn_req *r[DYN_BATCHMAX];
  unsigned int n;
  unsigned int nh;                   /* hosts indexed */
  unsigned int ix[DYN_INDEX];        /* 0, or 1 + request * DYN_HOSTMAX + host */
  unsigned char filter[DYN_FILTER / 8]; /* dyn_filterbit of its keys */
  int unfiltered;                    /* a host's name is shorter than 8 bytes */
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
  int stop;              /* count only: the next pass stops at the first line that changes */
  unsigned long next;    /* where a stopped pass goes on (0: none stopped) */
  stralloc bytes;
  unsigned long size;    /* bytes of the file the pass read */
  const char *why;       /* after a pass failed: what failed */
};

/* What a pass over one version of the data file found, for one
   request: its edits, and which version (dyn_apply uses them if the
   file is still that one, and finishes the pass if it stopped). */
struct dyn_seen {
  struct dyn_edits *e;
  int lost;                      /* more edits than e holds */
  unsigned long long dev, ino, size, sec, nsec;
};

/* the generation numbers kept in the data lock file */
struct dyn_state {
  unsigned long written; /* data file replacements so far */
  unsigned long built;   /* the written count the last good make saw */
};

extern int dyn_addr_scan(struct dyn_addr *,const char *,unsigned int);
extern int dyn_prefix_scan(struct dyn_addr *,const char *,unsigned int);
extern int dyn_txtscan(struct dyn_txt *,const char *,unsigned int);
extern int dyn_linename(const char *,unsigned int,unsigned int *,unsigned int *);
extern int dyn_line(struct dyn_req *,const char *,unsigned int,stralloc *);
extern int dyn_txtline(struct dyn_req *,const char *,unsigned int);
extern int dyn_txtend(struct dyn_req *,stralloc *);
extern void dyn_batch_start(struct dyn_batch *);
extern int dyn_batch_add(struct dyn_batch *,struct dyn_req *);
extern struct dyn_req *dyn_batch_find(const struct dyn_batch *,const char *,unsigned int);
extern int dyn_pass(struct dyn_batch *,int,int,struct dyn_edits *);
extern int dyn_count(struct dyn_batch *,int,struct dyn_edits *);
extern int dyn_copy(int,unsigned long,unsigned long,const struct dyn_edits *,int);
extern int dyn_abuse(struct dyn_batch *,const char *,int);
extern int dyn_ptrline(const char *,int);
extern int dyn_ptr(struct dyn_req *);
extern void dyn_results(struct dyn_req *);
extern int dyn_apply(struct dyn_batch *,const char *,int,const struct dyn_seen *,struct dyn_state *,int *,const char **);
extern int dyn_update(struct dyn_req *,const char *,unsigned int,int,struct dyn_state *,int *,const char **);
extern int dyn_publish(const char *,unsigned long,int,unsigned int,unsigned int,int,int,int *,const char **);
extern int dyn_published(const struct dyn_state *,unsigned long);
extern int dyn_lock(const char *,unsigned int,struct dyn_state *,const char **);
extern int dyn_state_read(int,struct dyn_state *);
extern int dyn_state_write(int,const struct dyn_state *);
extern int dyn_cleantemp(const char *);
extern int dyn_spool_id(stralloc *);
extern int dyn_spool_put(const struct dyn_req *,const char *,const stralloc *,unsigned long);
extern int dyn_spool_read(struct dyn_req **,unsigned int *,const char *,const stralloc *,unsigned long);
extern int dyn_spool_drop(const char *,const stralloc *);
extern int dyn_spool_answer(const struct dyn_req *,const char *,const stralloc *,unsigned long);
extern int dyn_spool_result(struct dyn_req *,int,unsigned long *);
extern int dyn_spool_next(const char *,stralloc *,unsigned long);
extern int dyn_state_peek(const char *,struct dyn_state *);
extern int dyn_touch(const char *);

#endif
