#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "str.h"
#include "strerr.h"
#include "md5.h"
#include "sha1.h"
#include "crypt_apr1.h"
#include "auth.h"

#define FATAL "digest-test: fatal: "
#define USAGE "digest-test: usage: digest-test md5|sha1 < data; digest-test apr1|verify HASH < password"
#define PASSMAX 4096

/* For the tests only (never installed): the in-tree MD5, SHA-1, apr1
   and auth_verify, to compare with md5sum, sha1sum and htpasswd.
   md5, sha1: hex digest of stdin, fed in uneven pieces so that every
   way of crossing a block boundary is exercised. apr1 HASH: the apr1
   hash of stdin (all of it, the password) with HASH's salt. verify
   HASH: auth_verify's verdict on stdin as the password: right, wrong
   or refused, and " weak" for weak kinds. */

static char in[PASSMAX + 1];

static void hex(const char *s,unsigned int len)
{
  static const char digit[] = "0123456789abcdef";
  char c[2];
  unsigned int i;

  for (i = 0;i < len;++i) {
    c[0] = digit[(unsigned char) s[i] >> 4];
    c[1] = digit[s[i] & 15];
    buffer_put(buffer_1,c,2);
  }
  buffer_putsflush(buffer_1,"\n");
}

static unsigned int readpass(void)
{
  unsigned int len = 0;
  int r;

  for (;;) {
    r = read(0,in + len,sizeof in - len);
    if (r == -1) strerr_die(111,FATAL,"unable to read input",0,0,0);
    if (r == 0) break;
    len += r;
    if (len == sizeof in) strerr_die(100,FATAL,"password too long",0,0,0);
  }
  in[len] = 0;
  return len;
}

int main(int argc,char **argv)
{
  char buf[4096];
  char out[CRYPT_APR1_LEN];
  char sum[SHA1_LEN];
  struct md5 m;
  struct sha1 h;
  unsigned int piece = 1;
  unsigned int len;
  int ismd5;
  int r;
  int weak;

  if (argc < 2) strerr_die(100,USAGE,0,0,0,0);
  if (str_equal(argv[1],"md5") || str_equal(argv[1],"sha1")) {
    ismd5 = str_equal(argv[1],"md5");
    md5_init(&m);
    sha1_init(&h);
    for (;;) {
      r = read(0,buf,piece);
      if (r == -1) strerr_die(111,FATAL,"unable to read input",0,0,0);
      if (r == 0) break;
      if (ismd5) md5_update(&m,buf,r);
      else sha1_update(&h,buf,r);
      piece = piece * 7 % 131 + 1;
    }
    if (ismd5) { md5_final(&m,sum); hex(sum,MD5_LEN); }
    else { sha1_final(&h,sum); hex(sum,SHA1_LEN); }
    return 0;
  }
  if (argc < 3) strerr_die(100,USAGE,0,0,0,0);
  len = readpass();
  if (str_equal(argv[1],"apr1")) {
    r = crypt_apr1(out,in,len,argv[2],str_len(argv[2]));
    if (!r) strerr_die(100,FATAL,"not an apr1 setting",0,0,0);
    buffer_put(buffer_1,out,r);
    buffer_putsflush(buffer_1,"\n");
    return 0;
  }
  if (str_equal(argv[1],"verify")) {
    if (byte_chr(in,len,0) < len) strerr_die(100,FATAL,"NUL in password",0,0,0);
    r = auth_verify(in,len,argv[2],str_len(argv[2]),&weak);
    buffer_puts(buffer_1,r == 1 ? "right" : r == 0 ? "wrong" : "refused");
    buffer_putsflush(buffer_1,weak ? " weak\n" : "\n");
    return 0;
  }
  strerr_die(100,USAGE,0,0,0,0);
}
