#include <errno.h>
#include "byte.h"
#include "cdb.h"

static uint32_t num(const char *s)
{
  const unsigned char *u = (const unsigned char *) s;
  return u[0] | (uint32_t) u[1] << 8 | (uint32_t) u[2] << 16 | (uint32_t) u[3] << 24;
}

/* 1 if the file holds key[0..len) at pos, 0 if not, -1 on error */
static int same(struct cdb *c,const char *key,unsigned int len,uint32_t pos)
{
  char buf[64];
  unsigned int n;

  while (len) {
    n = len < sizeof buf ? len : sizeof buf;
    if (cdb_read(c,buf,n,pos) == -1) return -1;
    if (byte_diff(buf,n,key)) return 0;
    key += n;
    pos += n; /* cdb_read saw it in the file: no overflow */
    len -= n;
  }
  return 1;
}

void cdb_findstart(struct cdb *c)
{
  c->loop = 0;
}

int cdb_findnext(struct cdb *c,const char *key,unsigned int len)
{
  char buf[8];
  uint32_t pos;
  uint32_t klen;
  int r;

  if (!c->loop) {
    c->khash = cdb_hash(key,len);
    if (cdb_read(c,buf,8,(c->khash & 255) << 3) == -1) return -1;
    c->hpos = num(buf);
    c->hslots = num(buf + 4);
    if (!c->hslots) return 0;
    /* the whole table in the file: then no slot position overflows */
    if (c->hpos > c->size || c->hslots > (c->size - c->hpos) >> 3) { errno = EPROTO; return -1; }
    c->kpos = c->hpos + (((c->khash >> 8) % c->hslots) << 3);
  }
  while (c->loop < c->hslots) {
    if (cdb_read(c,buf,8,c->kpos) == -1) return -1;
    pos = num(buf + 4);
    if (!pos) return 0;
    ++c->loop;
    c->kpos += 8;
    if (c->kpos == c->hpos + (c->hslots << 3)) c->kpos = c->hpos;
    if (num(buf) != c->khash) continue;
    if (cdb_read(c,buf,8,pos) == -1) return -1;
    klen = num(buf);
    if (klen != len) continue;
    r = same(c,key,len,pos + 8); /* pos + 8 <= size: cdb_read */
    if (r == -1) return -1;
    if (!r) continue;
    c->dpos = pos + 8 + klen; /* the key was read: still in the file */
    c->dlen = num(buf + 4);
    if (c->dlen > c->size - c->dpos) { errno = EPROTO; return -1; }
    return 1;
  }
  return 0;
}
