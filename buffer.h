#ifndef BUFFER_H
#define BUFFER_H

/* op: read or write at most len bytes; returns bytes done, 0 at end of
   file (reads), -1 on error with errno set */
typedef int (*buffer_op)(int,char *,unsigned int);

typedef struct buffer {
  char *x;
  unsigned int a; /* size of x */
  unsigned int p; /* read: first unread byte; write: bytes waiting */
  unsigned int n; /* read: end of buffered data */
  int fd;
  buffer_op op;
} buffer;

#define BUFFER_INSIZE 8192
#define BUFFER_OUTSIZE 8192
#define BUFFER_INIT(op,fd,x,a) { (x), (a), 0, 0, (fd), (op) }

extern void buffer_init(buffer *,buffer_op,int,char *,unsigned int);

extern int buffer_feed(buffer *);
extern char *buffer_peek(buffer *);
extern void buffer_seek(buffer *,unsigned int);

extern int buffer_put(buffer *,const char *,unsigned int);
extern int buffer_puts(buffer *,const char *);
extern int buffer_flush(buffer *);
extern int buffer_putflush(buffer *,const char *,unsigned int);
extern int buffer_putsflush(buffer *,const char *);

extern int allwrite(buffer_op,int,const char *,unsigned int);

extern int buffer_unixread(int,char *,unsigned int);
extern int buffer_unixwrite(int,char *,unsigned int);

extern buffer *buffer_1;
extern buffer *buffer_2;

#endif
