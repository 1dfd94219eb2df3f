#ifndef AUTO_DATAMAKEFILE_H
#define AUTO_DATAMAKEFILE_H

/* the example Makefile tinydnsdyn-conf puts into a new data directory:
   all of data.Makefile (auto_datamakefile.c is made from it by auto-str
   at build time) */
extern const char auto_datamakefile[];

#endif
