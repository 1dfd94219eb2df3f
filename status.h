#ifndef STATUS_H
#define STATUS_H

#include "stralloc.h"
#include "dyn.h"

/* The status file DATA.status: one line per dynamic host, what the
   handler last saw of it, and one line "*" counting every answer.
     NAME SEEN CHANGE4 CHANGE6 FAIL FAILCODE CLIENT FAILCLIENT C1..C10 USER
   SEEN: last good or nochg; CHANGE4, CHANGE6: last change of that
   address (or its adding); FAIL: last failure (nohost, abuse, dnserr,
   911, badauth), FAILCODE its DYN_* number; all seconds since 1970, 0:
   never. CLIENT, USER: of the last good or nochg; FAILCLIENT: of the
   last failure ("-": none). C1..C10: answers by DYN_* number. USER is
   the rest of the line, padded with spaces (status_fmt). Written
   under its own lock, DATA.status.lock, never under the data lock, and
   never synced: losing it forgets some history, never an address. A
   request that only changes lines already there writes each over its
   old version in place, one pwrite per line, as the data lock file's
   generation numbers are written (a rename costs a nochg more than
   everything else it does); anything else, such as a new host, makes a
   new file, renamed over the old one (replace). */

#define STATUS_HOSTMAX 20000 /* lines kept */
#define STATUS_LINEMAX 1024  /* longer lines are dropped */
#define STATUS_WAIT 5        /* seconds the handler waits for its lock */
#define STATUS_TOTAL "*"     /* the name of the line counting everything */
#define STATUS_SLOT 128      /* lines are padded to a multiple of this */
#define STATUS_SLACK 32      /* with at least this many spare bytes */

struct status_entry {
  stralloc name;
  unsigned long seen;
  unsigned long change4;
  unsigned long change6;
  unsigned long fail;
  int failcode;
  stralloc client;
  stralloc failclient;
  unsigned long count[DYN_CODES]; /* [0] unused */
  stralloc user;
};

/* what one request did, for status_record */
struct status_req {
  const struct dyn_req *q;   /* the hosts and their answers */
  int code;                  /* DYN_*: one answer for the whole request; 0: per host */
  const char *query;         /* the query string: a badauth's hosts */
  unsigned int querylen;
  const char *user;          /* authenticated as */
  unsigned int userlen;
  const char *client;        /* the client's address */
  unsigned long now;
};

extern int status_parse(struct status_entry *,const char *,unsigned int);
extern int status_fmt(stralloc *,const struct status_entry *);
extern int status_record(const char *,const struct status_req *);
extern int status_host(const char *,const char *,unsigned int,int,int,int,unsigned long);

#endif
