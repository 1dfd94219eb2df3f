#ifndef SHA1_H
#define SHA1_H

#include <stdint.h>

#define SHA1_LEN 20 /* bytes of a digest */

struct sha1 {
  uint32_t state[5];
  uint64_t bytes;          /* hashed so far */
  unsigned char block[64]; /* the partial block, bytes % 64 of it */
};

extern void sha1_init(struct sha1 *);
extern void sha1_update(struct sha1 *,const char *,unsigned int);
extern void sha1_final(struct sha1 *,char *);

#endif
