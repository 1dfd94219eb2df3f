#include "byte.h"
#include "md5.h"
#include "crypt_apr1.h"

/* Apache's apr1 password hash: Poul-Henning Kamp's MD5-crypt (the one
   crypt(3) knows as $1$) with the magic "$apr1$". htpasswd writes it by
   default; libxcrypt does not read it. Written from the description of
   the algorithm, tested against htpasswd's own output. */

static const char magic[] = "$apr1$";

static const char itoa64[] =
  "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* n characters for the low 6n bits of v, least significant first */
static unsigned int to64(char *out,unsigned long v,unsigned int n)
{
  unsigned int i;
  for (i = 0;i < n;++i) { out[i] = itoa64[v & 63]; v >>= 6; }
  return n;
}

/* The apr1 hash of pass[0..plen) with the salt of setting[0..slen)
   ("$apr1$salt" or a whole "$apr1$salt$hash": at most 8 salt characters
   up to a '$'), written to out (CRYPT_APR1_LEN bytes, not terminated).
   Returns its length, or 0 if setting does not start with "$apr1$". */
unsigned int crypt_apr1(char *out,const char *pass,unsigned int plen,const char *setting,unsigned int slen)
{
  struct md5 ctx;
  struct md5 alt;
  char sum[MD5_LEN];
  const char *salt;
  unsigned int saltlen;
  unsigned int i;
  unsigned int n;
  unsigned int len;
  char zero = 0;
  const unsigned char *u = (const unsigned char *) sum;

  if (slen < 6 || !byte_equal(setting,6,magic)) return 0;
  salt = setting + 6;
  saltlen = byte_chr(salt,slen - 6,'$');
  if (saltlen > 8) saltlen = 8;

  /* a first digest of password, salt, password */
  md5_init(&alt);
  md5_update(&alt,pass,plen);
  md5_update(&alt,salt,saltlen);
  md5_update(&alt,pass,plen);
  md5_final(&alt,sum);

  md5_init(&ctx);
  md5_update(&ctx,pass,plen);
  md5_update(&ctx,magic,6);
  md5_update(&ctx,salt,saltlen);
  for (i = plen;i > 0;i -= n) {
    n = i > MD5_LEN ? MD5_LEN : i;
    md5_update(&ctx,sum,n);
  }
  /* for each bit of the length: a zero byte for a one bit, the first
     byte of the password for a zero bit */
  for (i = plen;i;i >>= 1)
    md5_update(&ctx,(i & 1) ? &zero : pass,1);
  md5_final(&ctx,sum);

  /* a thousand rounds to slow a guesser down */
  for (i = 0;i < 1000;++i) {
    md5_init(&ctx);
    if (i & 1) md5_update(&ctx,pass,plen);
    else md5_update(&ctx,sum,MD5_LEN);
    if (i % 3) md5_update(&ctx,salt,saltlen);
    if (i % 7) md5_update(&ctx,pass,plen);
    if (i & 1) md5_update(&ctx,sum,MD5_LEN);
    else md5_update(&ctx,pass,plen);
    md5_final(&ctx,sum);
  }

  byte_copy(out,6,magic);
  len = 6;
  byte_copy(out + len,saltlen,salt);
  len += saltlen;
  out[len++] = '$';
  len += to64(out + len,((unsigned long) u[0] << 16) | ((unsigned long) u[6] << 8) | u[12],4);
  len += to64(out + len,((unsigned long) u[1] << 16) | ((unsigned long) u[7] << 8) | u[13],4);
  len += to64(out + len,((unsigned long) u[2] << 16) | ((unsigned long) u[8] << 8) | u[14],4);
  len += to64(out + len,((unsigned long) u[3] << 16) | ((unsigned long) u[9] << 8) | u[15],4);
  len += to64(out + len,((unsigned long) u[4] << 16) | ((unsigned long) u[10] << 8) | u[5],4);
  len += to64(out + len,u[11],2);
  byte_zero(sum,sizeof sum);
  return len;
}
