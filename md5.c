#include "byte.h"
#include "md5.h"

/* MD5 as RFC 1321 describes it. Used only for htpasswd's apr1 hashes,
   never where collisions would matter. */

/* T[i] is the integer part of 2^32 * |sin(i + 1)| */
static const uint32_t T[64] = {
  0xd76aa478,0xe8c7b756,0x242070db,0xc1bdceee,
  0xf57c0faf,0x4787c62a,0xa8304613,0xfd469501,
  0x698098d8,0x8b44f7af,0xffff5bb1,0x895cd7be,
  0x6b901122,0xfd987193,0xa679438e,0x49b40821,
  0xf61e2562,0xc040b340,0x265e5a51,0xe9b6c7aa,
  0xd62f105d,0x02441453,0xd8a1e681,0xe7d3fbc8,
  0x21e1cde6,0xc33707d6,0xf4d50d87,0x455a14ed,
  0xa9e3e905,0xfcefa3f8,0x676f02d9,0x8d2a4c8a,
  0xfffa3942,0x8771f681,0x6d9d6122,0xfde5380c,
  0xa4beea44,0x4bdecfa9,0xf6bb4b60,0xbebfbc70,
  0x289b7ec6,0xeaa127fa,0xd4ef3085,0x04881d05,
  0xd9d4d039,0xe6db99e5,0x1fa27cf8,0xc4ac5665,
  0xf4292244,0x432aff97,0xab9423a7,0xfc93a039,
  0x655b59c3,0x8f0ccc92,0xffeff47d,0x85845dd1,
  0x6fa87e4f,0xfe2ce6e0,0xa3014314,0x4e0811a1,
  0xf7537e82,0xbd3af235,0x2ad7d2bb,0xeb86d391
};

/* left rotations, four per round */
static const unsigned char S[4][4] = {
  { 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 }
};

static uint32_t rotl(uint32_t x,unsigned int n)
{
  return (x << n) | (x >> (32 - n));
}

static void block(uint32_t *state,const unsigned char *p)
{
  uint32_t x[16];
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  uint32_t f;
  uint32_t t;
  unsigned int i;
  unsigned int k;

  for (i = 0;i < 16;++i)
    x[i] = (uint32_t) p[4 * i] | ((uint32_t) p[4 * i + 1] << 8)
         | ((uint32_t) p[4 * i + 2] << 16) | ((uint32_t) p[4 * i + 3] << 24);
  for (i = 0;i < 64;++i) {
    switch (i >> 4) {
      case 0: f = (b & c) | (~b & d); k = i; break;
      case 1: f = (b & d) | (c & ~d); k = (5 * i + 1) & 15; break;
      case 2: f = b ^ c ^ d; k = (3 * i + 5) & 15; break;
      default: f = c ^ (b | ~d); k = (7 * i) & 15; break;
    }
    t = d;
    d = c;
    c = b;
    b = b + rotl(a + f + T[i] + x[k],S[i >> 4][i & 3]);
    a = t;
  }
  state[0] += a; state[1] += b; state[2] += c; state[3] += d;
  byte_zero((char *) x,sizeof x);
}

void md5_init(struct md5 *m)
{
  m->state[0] = 0x67452301;
  m->state[1] = 0xefcdab89;
  m->state[2] = 0x98badcfe;
  m->state[3] = 0x10325476;
  m->bytes = 0;
}

void md5_update(struct md5 *m,const char *s,unsigned int len)
{
  unsigned int have = m->bytes & 63;
  unsigned int n;

  m->bytes += len;
  while (len) {
    n = 64 - have;
    if (n > len) n = len;
    byte_copy((char *) m->block + have,n,s);
    have += n; s += n; len -= n;
    if (have == 64) { block(m->state,m->block); have = 0; }
  }
}

/* the 16-byte digest into out; m is wiped */
void md5_final(struct md5 *m,char *out)
{
  uint64_t bits = m->bytes << 3;
  unsigned int have = m->bytes & 63;
  unsigned int i;

  m->block[have++] = 0x80;
  if (have > 56) {
    byte_zero((char *) m->block + have,64 - have);
    block(m->state,m->block);
    have = 0;
  }
  byte_zero((char *) m->block + have,56 - have);
  for (i = 0;i < 8;++i) m->block[56 + i] = (unsigned char) (bits >> (8 * i));
  block(m->state,m->block);
  for (i = 0;i < 16;++i) out[i] = (char) (m->state[i >> 2] >> (8 * (i & 3)));
  byte_zero((char *) m,sizeof *m);
}
