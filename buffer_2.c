#include "buffer.h"

static char space[512];
static buffer it = BUFFER_INIT(buffer_unixwrite,2,space,sizeof space);
buffer *buffer_2 = &it;
