#ifndef STATUS_H
#define STATUS_H

#include "stralloc.h"
#include "dyn.h"

/* The status file DATA.status: one line per dynamic host, what the
   handler last saw of it, and one line "*" counting every answer:
     NAME s=SEEN c4=CHANGE4 c6=CHANGE6 f=FAIL fc=FAILCODE cl=CLIENT
       fcl=FAILCLIENT WORD=COUNT ... u=USER
   SEEN: last good or nochg; CHANGE4, CHANGE6: last change of that
   address (or its adding); FAIL: last failure (an answer dyn_code
   calls one), FAILCODE its word; all seconds since 1970. CLIENT, USER:
   of the last good or nochg; FAILCLIENT: of the last failure. WORD=COUNT:
   answers by word. A field that is 0 or empty is left out; u= is last
   and is the rest of the line, padded with spaces (status_fmt). Fields
   are named, so an answer added later is one more name; a field not
   known is skipped, and the lines of the first format (positional,
   one count per answer of that time) are still read. Written under its
   own lock, DATA.status.lock, never under the data lock, and never
   synced: losing it forgets some history, never an address. A request
   that only changes lines already there writes each over its old
   version in place, one pwrite per line, as the data lock file's
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
  int failcode;                   /* DYN_*, 0: none */
  stralloc client;
  stralloc failclient;
  unsigned long count[DYN_CODES]; /* [0] unused */
  stralloc user;
};

extern int status_parse(struct status_entry *,const char *,unsigned int);
extern int status_fmt(stralloc *,const struct status_entry *);
extern int status_record(const char *,const struct dyn_req *,int,const char *,unsigned long);
extern int status_host(const char *,const char *,unsigned int,int,int,int,unsigned long);

#endif
