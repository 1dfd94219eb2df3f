#include "buffer.h"

/* a log line goes out in one write, if it fits: then no other
   process's line can land inside it (a pipe to multilog keeps writes of
   up to PIPE_BUF, 4096 bytes, whole; an O_APPEND file any write) */
static char space[BUFFER_OUTSIZE];
static buffer it = BUFFER_INIT(buffer_unixwrite,2,space,sizeof space);
buffer *buffer_2 = &it;
