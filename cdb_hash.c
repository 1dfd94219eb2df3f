#include "cdb.h"

/* the cdb hash: h = 5381, then h = 33h xor c for every byte, mod 2^32 */
uint32_t cdb_hash(const char *key,unsigned int len)
{
  uint32_t h = 5381;

  while (len--) h = ((h << 5) + h) ^ (unsigned char) *key++;
  return h;
}
