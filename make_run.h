#ifndef MAKE_RUN_H
#define MAKE_RUN_H

#define MAKE_KILLGRACE 2 /* seconds between TERM and KILL to a make out of time */
#define MAKE_FDMAX 65536 /* descriptors the watchdog looks at */

extern int make_run(unsigned int,unsigned int);

#endif
