#include "base64.h"

static const char alphabet[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* RFC 4648 base64 of s[0..len), padded with '=', into out (which may
   be null: just the length). Returns the length, 4 for every 3 bytes
   begun. */
unsigned int base64_fmt(char *out,const char *s,unsigned int len)
{
  const unsigned char *u = (const unsigned char *) s;
  unsigned long v;
  unsigned int i;
  unsigned int n = 0;

  for (i = 0;i < len;i += 3) {
    v = (unsigned long) u[i] << 16;
    if (i + 1 < len) v |= (unsigned long) u[i + 1] << 8;
    if (i + 2 < len) v |= u[i + 2];
    if (out) {
      out[n] = alphabet[(v >> 18) & 63];
      out[n + 1] = alphabet[(v >> 12) & 63];
      out[n + 2] = i + 1 < len ? alphabet[(v >> 6) & 63] : '=';
      out[n + 3] = i + 2 < len ? alphabet[v & 63] : '=';
    }
    n += 4;
  }
  return n;
}
