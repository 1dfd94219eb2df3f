#ifndef ONCHANGE_H
#define ONCHANGE_H

#include "dyn.h"

#define ONCHANGE_LOGMAX 4096  /* bytes of a hook's output logged */
#define ONCHANGE_ENVMAX 256   /* variables passed on, besides ours */

/* what the hook of one request is told */
struct onchange_req {
  const struct dyn_req *q;   /* hosts answered good get the hook; its user */
  const char *prog;          /* $ONCHANGE */
  unsigned long timeout;     /* seconds each run may take */
  const char *client;        /* the client's address */
};

extern int onchange_start(const struct onchange_req *);

#endif
