#include "alloc.h"
#include "byte.h"
#include "dyn.h"

/* q gets n hosts, cleared (their name storage kept for reuse): q->h is
   sized by the request, grown as needed. 1, or 0 if out of memory. */
int dyn_req_hosts(struct dyn_req *q,unsigned int n)
{
  stralloc name;
  unsigned int i;

  if (n > DYN_HOSTMAX) n = DYN_HOSTMAX;
  if (n > q->room) {
    if (!alloc_re((char **) &q->h,q->room * sizeof *q->h,n * sizeof *q->h)) return 0;
    for (i = q->room;i < n;++i) byte_zero((char *) &q->h[i],sizeof q->h[i]);
    q->room = n;
  }
  for (i = 0;i < n;++i) {
    name = q->h[i].name;
    byte_zero((char *) &q->h[i],sizeof q->h[i]);
    q->h[i].name = name;
    q->h[i].name.len = 0;
  }
  q->nh = n;
  return 1;
}

/* A TXT request's names: _acme-challenge.NAME must fit in the 253
   bytes tinydns-data takes, so a longer NAME is no name for it
   (notfqdn). The one rule, for the handler and for a waiting change
   read back. */
void dyn_txtnames(struct dyn_req *q)
{
  unsigned int i;

  if (q->mode == DYN_TXT)
    for (i = 0;i < q->nh;++i)
      if (q->h[i].ok && q->h[i].name.len > DYN_TXTNAMEMAX) q->h[i].ok = 0;
}
