#ifndef AUTO_HOME_H
#define AUTO_HOME_H

/* the install prefix, first line of conf-home (auto_home.c is made by
   auto-str at build time) */
extern const char auto_home[];

#endif
