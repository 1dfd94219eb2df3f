#ifndef MAKE_RUN_H
#define MAKE_RUN_H

extern int make_run(void);

#endif
