#ifndef HIER_H
#define HIER_H

/* hier() says what goes where; install.c and instcheck.c give h, d and
   c their meaning (make it so, or check that it is so). An owner of -1
   means: whoever runs the install. */
extern void hier(void);

/* the home directory itself; created with mode if missing */
extern void h(const char *home,int uid,int gid,int mode);
/* home/sub, a directory; created with mode if missing */
extern void d(const char *home,const char *sub,int uid,int gid,int mode);
/* home/sub/file, a copy of file from the build directory */
extern void c(const char *home,const char *sub,const char *file,int uid,int gid,int mode);

#endif
