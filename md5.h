#ifndef MD5_H
#define MD5_H

#include <stdint.h>

#define MD5_LEN 16 /* bytes of a digest */

struct md5 {
  uint32_t state[4];
  uint64_t bytes;          /* hashed so far */
  unsigned char block[64]; /* the partial block, bytes % 64 of it */
};

extern void md5_init(struct md5 *);
extern void md5_update(struct md5 *,const char *,unsigned int);
extern void md5_final(struct md5 *,char *);

#endif
