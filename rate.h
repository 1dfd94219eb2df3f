#ifndef RATE_H
#define RATE_H

#define RATE_LINEMAX 512    /* longest line kept in a rate file */
#define RATE_ENTRYMAX 20000 /* entries kept; the oldest go first */

struct rate_key {
  const char *s;          /* a host name or an address: no space, no newline */
  unsigned int len;
  unsigned long first;    /* start of its window */
  unsigned long last;     /* its last event */
  unsigned long count;    /* events in the window */
  int bump;               /* rate_update: count one more event now */
};

extern int rate_update(const char *,struct rate_key *,unsigned int,unsigned long,unsigned long,int);

#endif
