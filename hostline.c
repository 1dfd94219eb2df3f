#include <errno.h>
#include "byte.h"
#include "dnsname.h"
#include "hostline.h"

static struct dyn_req q;
static stralloc out;

/* s[0..len) is a line of the data file. If it is an address line of a
   host, by dyn_line's rules (the one classifier: a name tinydnsdyn
   would take in a request, a non-empty address field), name gets the
   host (lower case, no "*.", no dot at the end), *wild whether the line
   is its "*." line, and a its address as tinydns-data reads it (has4
   or has6; neither if the field holds no address tinydns-data reads);
   returns 1. 0 if it is not; -1 if out of memory. For the tools, fed
   by dyn_list: they see the lines the handler sees. */
int hostline(const char *s,unsigned int len,stralloc *name,int *wild,struct dyn_addr *a)
{
  const struct dyn_count *c;
  unsigned int start;
  unsigned int n;

  /* the name by the one rule (dyn_linename); no ACME lines */
  if (!dyn_linename(s,len,&start,&n) || s[0] == '\'') return 0;
  *wild = start == 3;
  if (!q.nh && !dyn_req_hosts(&q,1)) return -1;
  errno = 0;
  if (!dnsname_fqdn(&q.h[0].name,s + start,n)) return errno == ENOMEM ? -1 : 0;
  q.mode = DYN_KEEP;
  q.h[0].ok = 1;
  q.h[0].allowed = 1;
  c = &q.h[0].c;
  byte_zero((char *) &q.h[0].c,sizeof q.h[0].c);
  if (dyn_line(&q,s,len,&out) == -1) return -1;
  if (!c->lines) return 0;
  if (!stralloc_copy(name,&q.h[0].name)) return -1;
  byte_zero((char *) a,sizeof *a);
  if (c->lines4 && c->hasold4) {
    a->has4 = 1;
    byte_copy(a->ip4,4,c->old4);
    a->len4 = ip4_fmt(a->text4,a->ip4);
  }
  if (c->lines6 && c->hasold6) {
    a->has6 = 1;
    byte_copy(a->ip6,16,c->old6);
    a->len6 = ip6_fmt(a->text6,a->ip6);
  }
  return 1;
}
