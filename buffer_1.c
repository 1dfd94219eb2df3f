#include "buffer.h"

static char space[BUFFER_OUTSIZE];
static buffer it = BUFFER_INIT(buffer_unixwrite,1,space,sizeof space);
buffer *buffer_1 = &it;
