#ifndef DYN_H
#define DYN_H

#include "stralloc.h"
#include "ip4.h"
#include "ip6.h"

#define DYN_HOSTMAX 20        /* hosts in one request (dyn.com's limit) */
#define DYN_LINEMAX 65536     /* longer data lines are copied, never edited */

#define DYN_NOTFQDN 1
#define DYN_NOHOST 2
#define DYN_NOCHG 3
#define DYN_GOOD 4
#define DYN_DNSERR 5
#define DYN_911 6
#define DYN_ABUSE 7

struct dyn_host {
  stralloc name;          /* lower case, no trailing dot; valid if ok */
  int ok;                 /* name is a valid FQDN */
  int allowed;            /* this user may update it */
  int abuse;              /* changed too often: left as it is */
  unsigned long lines;    /* its address lines seen, of the families asked for */
  unsigned long lines4;   /* of those, +, = and +*. lines */
  unsigned long lines6;   /* of those, :28:, :*.:28:, 6, 3 and 3*. lines */
  unsigned long changed;  /* of those, lines whose address differs */
  int result;
  int txt;                /* TXT request: its challenge values may change */
  unsigned long txtlines; /* its live challenge lines (dyn_txtline) */
  unsigned long txtgone;  /* of those, lines this request removes */
  unsigned int txtfound;  /* bit j: request value j is among them */
};

/* The addresses of one request: an IPv4 one, an IPv6 one or both. Only
   lines of a family the request has are touched. */
struct dyn_addr {
  int has4;
  char ip4[4];
  char text4[IP4_FMT];
  unsigned int len4;
  int has6;
  char ip6[16];
  char text6[IP6_FMT];   /* RFC 5952 */
  unsigned int len6;
  int keep;              /* find the lines, change none (offline=YES) */
};

#define DYN_EDITMAX 256 /* changed lines dyn_scan remembers */

struct dyn_edit {
  unsigned long from;  /* file bytes [from,to) become */
  unsigned long to;
  unsigned int pos;    /* dyn_editbytes.s[pos..pos+len) */
  unsigned int len;
};

extern struct dyn_edit dyn_edits[];
extern unsigned int dyn_nedits;
extern stralloc dyn_editbytes;

struct dyn_limits {
  unsigned long mininterval; /* seconds between changes of one host; 0: none */
  unsigned long perhour;     /* changes of one host an hour; 0: no limit */
};

extern struct dyn_limits dyn_limits;

struct dyn_state {
  unsigned long written; /* data file replacements so far */
  unsigned long built;   /* the written count the last good make saw */
};

/* ACME DNS-01 challenge values: 'HOST:VALUE:0:TIMESTAMP lines with
   HOST = _acme-challenge.NAME, TTL 0 and a TAI64 time-to-die, which
   tinydns stops serving by itself. A TXT request changes only these
   lines, of hosts that have address lines. */
#define DYN_TXTMAX 8      /* values of one host */
#define DYN_TXTLEN 255    /* bytes in one value */
#define DYN_TXTNAMEMAX 237 /* longest NAME: _acme-challenge.NAME fits in 253 */
#define DYN_TXTADD 1
#define DYN_TXTSET 2
#define DYN_TXTDEL 3

struct dyn_txt {
  int action;              /* 0: not a TXT request */
  unsigned int n;          /* values; 0: every value of the host goes */
  char v[DYN_TXTMAX][DYN_TXTLEN];
  unsigned int len[DYN_TXTMAX];
  unsigned long lifetime;  /* seconds new lines are served */
  unsigned long long now;  /* TAI64 label of now; 0: nothing expires */
  unsigned long long ttd;  /* time to die of new lines: now + lifetime */
};

extern struct dyn_txt dyn_txt;

extern const char *dyn_why;

extern int dyn_addr_scan(struct dyn_addr *,const char *,unsigned int);
extern int dyn_line(const char *,unsigned int,struct dyn_host *,unsigned int,const struct dyn_addr *,stralloc *,int *);
extern int dyn_scan(int,struct dyn_host *,unsigned int,const struct dyn_addr *);
extern int dyn_copy(int,unsigned long,int);
extern int dyn_pass(int,int,struct dyn_host *,unsigned int,const struct dyn_addr *);
extern int dyn_update(const char *,struct dyn_host *,unsigned int,const struct dyn_addr *,unsigned int,struct dyn_state *);
extern int dyn_publish(const char *,unsigned long,int,unsigned int,int *);
extern int dyn_state_read(int,struct dyn_state *);
extern int dyn_state_write(int,const struct dyn_state *);
extern int dyn_cleantemp(const char *);
extern int dyn_touch(const char *);
extern int dyn_abuse(const char *,struct dyn_host *,unsigned int,int);
extern void dyn_results(struct dyn_host *,unsigned int);
extern int dyn_txtscan(struct dyn_txt *,const char *,unsigned int);
extern int dyn_txtline(const char *,unsigned int,struct dyn_host *,unsigned int);
extern int dyn_txtend(struct dyn_host *,unsigned int,stralloc *);

#endif
