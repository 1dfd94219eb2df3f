#ifndef CDB_H
#define CDB_H

#include <stdint.h>

/* A reader of cdb files (D. J. Bernstein's constant database: 256
   (position,slots) pairs, the records, then 256 linearly probed hash
   tables; every number 32 bits, little-endian). It reads through
   pread, maps nothing, and checks every position and length it reads
   against the file's size: a broken or hostile file gives -1 with
   errno EPROTO, never a read outside it or a loop without end. */

struct cdb {
  int fd;
  uint32_t size;   /* bytes in the file */
  /* the lookup in progress: cdb_findstart, cdb_findnext */
  uint32_t loop;   /* slots probed so far */
  uint32_t khash;  /* the key's hash */
  uint32_t hpos;   /* its table */
  uint32_t hslots;
  uint32_t kpos;   /* the next slot to probe */
  uint32_t dpos;   /* the record found: its data */
  uint32_t dlen;
};

extern uint32_t cdb_hash(const char *,unsigned int);

/* c reads the open file fd (the caller closes it). 0 on success, -1
   on error (EPROTO: too short or too long to be a cdb). */
extern int cdb_init(struct cdb *,int);

/* buf[0..len) = the file's bytes [pos,pos+len). 0 on success, -1 on
   error (EPROTO: not all of them are in the file). */
extern int cdb_read(struct cdb *,char *,unsigned int,uint32_t);

/* A lookup: cdb_findstart, then cdb_findnext with the same key for
   each record that has it, in the order the file keeps them. Returns
   1 if one is found (its data is c->dlen bytes at c->dpos, inside the
   file), 0 if there is no more, -1 on error. */
extern void cdb_findstart(struct cdb *);
extern int cdb_findnext(struct cdb *,const char *,unsigned int);

#endif
