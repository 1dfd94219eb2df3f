#include "byte.h"
#include "sha1.h"

/* SHA-1 as FIPS 180-4 (and RFC 3174) describe it. Used only to check
   htpasswd's {SHA} entries, which are weak whatever the code does. */

static uint32_t rotl(uint32_t x,unsigned int n)
{
  return (x << n) | (x >> (32 - n));
}

static void block(uint32_t *state,const unsigned char *p)
{
  uint32_t w[80];
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
  uint32_t f;
  uint32_t k;
  uint32_t t;
  unsigned int i;

  for (i = 0;i < 16;++i)
    w[i] = ((uint32_t) p[4 * i] << 24) | ((uint32_t) p[4 * i + 1] << 16)
         | ((uint32_t) p[4 * i + 2] << 8) | (uint32_t) p[4 * i + 3];
  for (i = 16;i < 80;++i)
    w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16],1);
  for (i = 0;i < 80;++i) {
    if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
    else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
    else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
    else { f = b ^ c ^ d; k = 0xca62c1d6; }
    t = rotl(a,5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rotl(b,30);
    b = a;
    a = t;
  }
  state[0] += a; state[1] += b; state[2] += c; state[3] += d; state[4] += e;
  byte_zero((char *) w,sizeof w);
}

void sha1_init(struct sha1 *h)
{
  h->state[0] = 0x67452301;
  h->state[1] = 0xefcdab89;
  h->state[2] = 0x98badcfe;
  h->state[3] = 0x10325476;
  h->state[4] = 0xc3d2e1f0;
  h->bytes = 0;
}

void sha1_update(struct sha1 *h,const char *s,unsigned int len)
{
  unsigned int have = h->bytes & 63;
  unsigned int n;

  h->bytes += len;
  while (len) {
    n = 64 - have;
    if (n > len) n = len;
    byte_copy((char *) h->block + have,n,s);
    have += n; s += n; len -= n;
    if (have == 64) { block(h->state,h->block); have = 0; }
  }
}

/* the 20-byte digest into out; h is wiped */
void sha1_final(struct sha1 *h,char *out)
{
  uint64_t bits = h->bytes << 3;
  unsigned int have = h->bytes & 63;
  unsigned int i;

  h->block[have++] = 0x80;
  if (have > 56) {
    byte_zero((char *) h->block + have,64 - have);
    block(h->state,h->block);
    have = 0;
  }
  byte_zero((char *) h->block + have,56 - have);
  for (i = 0;i < 8;++i) h->block[63 - i] = (unsigned char) (bits >> (8 * i));
  block(h->state,h->block);
  for (i = 0;i < 20;++i) out[i] = (char) (h->state[i >> 2] >> (24 - 8 * (i & 3)));
  byte_zero((char *) h,sizeof *h);
}
