#include <errno.h>
#include <unistd.h>
#include "buffer.h"
#include "strerr.h"

#define FATAL "auto-str: fatal: "

/* auto-str name value: prints a C definition of the string constant
   name holding value, every byte outside a small safe set written as an
   octal escape, so that any conf-* line becomes valid C. auto-str name:
   the same for all of stdin (a file such as data.Makefile), a new
   source line after each newline so that the result stays readable. */

static void put(const char *s,unsigned int len)
{
  if (buffer_put(buffer_1,s,len) == -1)
    strerr_die(111,FATAL,"unable to write output",0,0,errno);
}

static int safe(unsigned char c)
{
  if (c >= 'a' && c <= 'z') return 1;
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= '0' && c <= '9') return 1;
  return c == '/' || c == '.' || c == '-' || c == '_' || c == '+' || c == ',';
}

static void byte(unsigned char c)
{
  char oct[4];

  if (safe(c)) { put((const char *) &c,1); return; }
  oct[0] = '\\';
  oct[1] = '0' + ((c >> 6) & 7);
  oct[2] = '0' + ((c >> 3) & 7);
  oct[3] = '0' + (c & 7);
  put(oct,4);
  if (c == '\n') put("\"\n\"",3);
}

int main(int argc,char **argv)
{
  const unsigned char *v;
  char in[1024];
  int r;
  int i;

  if (argc != 2 && argc != 3)
    strerr_die(100,"auto-str: usage: auto-str name [value]",0,0,0,0);
  put("const char ",11);
  buffer_puts(buffer_1,argv[1]);
  put("[] = \"",6);
  if (argc == 3)
    for (v = (const unsigned char *) argv[2];*v;++v) byte(*v);
  else
    for (;;) {
      r = read(0,in,sizeof in);
      if (r == -1) {
        if (errno == EINTR) continue;
        strerr_die(111,FATAL,"unable to read input",0,0,errno);
      }
      if (r == 0) break;
      for (i = 0;i < r;++i) byte(in[i]);
    }
  put("\";\n",3);
  if (buffer_flush(buffer_1) == -1)
    strerr_die(111,FATAL,"unable to write output",0,0,errno);
  return 0;
}
