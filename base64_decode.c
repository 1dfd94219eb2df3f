#include "base64.h"

static int val(char c)
{
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/* Strict RFC 4648 base64 with padding: whole groups of four, '=' only
   at the end, unused bits zero. 1 and out set on success; 0 if s is
   not such a string (errno untouched) or out of memory (out->s null
   is not a signal: check errno == ENOMEM if you care). */
int base64_decode(stralloc *out,const char *s,unsigned int len)
{
  unsigned int i;
  unsigned int pad;
  int v[4];
  int j;
  char c[3];

  if (!stralloc_copyb(out,"",0)) return 0;
  if (len % 4) return 0;
  for (i = 0;i < len;i += 4) {
    pad = 0;
    for (j = 0;j < 4;++j) {
      if (s[i + j] == '=' && i + 4 == len && j >= 2) { v[j] = 0; ++pad; continue; }
      if (pad) return 0; /* data after '=' */
      v[j] = val(s[i + j]);
      if (v[j] < 0) return 0;
    }
    c[0] = (v[0] << 2) | (v[1] >> 4);
    c[1] = ((v[1] & 15) << 4) | (v[2] >> 2);
    c[2] = ((v[2] & 3) << 6) | v[3];
    if (pad == 2 && (v[1] & 15)) return 0;
    if (pad == 1 && (v[2] & 3)) return 0;
    if (!stralloc_catb(out,c,3 - pad)) return 0;
  }
  return 1;
}
