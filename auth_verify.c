#include <crypt.h>
#include <errno.h>
#include "byte.h"
#include "str.h"
#include "base64.h"
#include "sha1.h"
#include "crypt_apr1.h"
#include "auth.h"

static struct crypt_data cd;

/* the hash kinds crypt(3) checks for us: yescrypt, gost-yescrypt,
   scrypt, bcrypt, SHA-512/256-crypt, MD5-crypt. Not NT-hash ($3$),
   BSDi ("_"), Sun MD5 or NetBSD SHA1: nothing we know writes those. */
static const char *const cryptprefix[] = {
  "$y$", "$gy$", "$7$", "$2a$", "$2b$", "$2y$", "$6$", "$5$", "$1$", 0
};

static const char des64[] =
  "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* traditional DES crypt: exactly 13 characters of its alphabet */
static int isdes(const char *h,unsigned int len)
{
  unsigned int i;

  if (len != 13) return 0;
  for (i = 0;i < len;++i)
    if (byte_chr(des64,64,h[i]) == 64) return 0;
  return 1;
}

/* a setting of the default kind and cost (yescrypt, as htpasswd -B
   and tinydnsdyn-passwd would not write, but mkpasswd and chpasswd do) */
static const char probe[] = "$y$j9T$tinydnsdynprobe0$";

/* 1 if crypt(3) can hash at all just now */
static int cryptworks(void)
{
  const char *out;

  byte_zero((char *) &cd,sizeof cd);
  out = crypt_rn("",probe,&cd,sizeof cd);
  byte_zero((char *) &cd,sizeof cd);
  return out && *out != '*';
}

/* crypt(3)'s verdict. It fails (a null pointer) for a setting it does
   not understand, a phrase too long for it, and also, with the same
   EINVAL, when yescrypt cannot get its megabytes of memory. A failure
   says something about the entry only if crypt can hash otherwise: then
   the entry never matches (-1). If not (or with ENOMEM), nothing is
   known about the password: -2, errno ENOMEM. */
static int viacrypt(const char *phrase,const char *hash,unsigned int hlen)
{
  const char *out;
  int ok;
  int e;

  byte_zero((char *) &cd,sizeof cd);
  errno = 0;
  out = crypt_rn(phrase,hash,&cd,sizeof cd);
  e = errno;
  if (!out || *out == '*') {
    byte_zero((char *) &cd,sizeof cd);
    if (out || (e != ENOMEM && cryptworks())) return -1;
    errno = ENOMEM;
    return -2;
  }
  ok = byte_equal_ct(out,str_len(out),hash,hlen);
  byte_zero((char *) &cd,sizeof cd);
  return ok;
}

/* Checks the password phrase[0..plen) (also NUL-terminated, no NUL
   inside) against hash[0..hlen) (NUL-terminated), one entry of an
   htpasswd file. 1: right; 0: wrong; -1: not a hash we accept (plain
   text, an unknown kind, a broken one), nothing compared; -2: unable
   to check (crypt(3) failed for want of memory; errno ENOMEM). *weak is set
   to 1 for kinds a stolen file gives away quickly ({SHA}, DES), to 0
   otherwise. Compares in time independent of where the hashes differ. */
int auth_verify(const char *phrase,unsigned int plen,const char *hash,unsigned int hlen,int *weak)
{
  char out[CRYPT_APR1_LEN + 5 + 28];
  char sum[SHA1_LEN];
  struct sha1 h;
  unsigned int len;
  unsigned int i;
  int ok;

  *weak = 0;
  if (hlen >= 6 && byte_equal(hash,6,"$apr1$")) {
    len = crypt_apr1(out,phrase,plen,hash,hlen);
    ok = byte_equal_ct(out,len,hash,hlen);
    byte_zero(out,sizeof out);
    return ok;
  }
  if (hlen == 5 + 28 && byte_equal(hash,5,"{SHA}")) {
    /* unsalted SHA-1 of the password, in base64 */
    *weak = 1;
    sha1_init(&h);
    sha1_update(&h,phrase,plen);
    sha1_final(&h,sum);
    byte_copy(out,5,"{SHA}");
    len = 5 + base64_fmt(out + 5,sum,sizeof sum);
    ok = byte_equal_ct(out,len,hash,hlen);
    byte_zero(out,sizeof out);
    byte_zero(sum,sizeof sum);
    return ok;
  }
  for (i = 0;cryptprefix[i];++i)
    if (str_start(hash,cryptprefix[i])) return viacrypt(phrase,hash,hlen);
  if (isdes(hash,hlen)) {
    /* 56 bits of key from the first 8 characters, 12 bits of salt */
    *weak = 1;
    return viacrypt(phrase,hash,hlen);
  }
  return -1; /* plain text (htpasswd -p) never counts */
}
