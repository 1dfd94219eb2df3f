/* libFuzzer harness: base64_decode and auth_basic. The decoder is
   strict, so whatever it accepts must be the one canonical encoding of
   what it returns; whatever the encoder here writes, it must accept.
   auth_basic must split exactly at the first colon and refuse a user
   name that is empty, too long, or holds a newline or a NUL. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "byte.h"
#include "str.h"
#include "strerr.h"
#include "stralloc.h"
#include "base64.h"
#include "auth.h"

#define MAX 4096

static stralloc out;
static stralloc user;
static stralloc pass;
static char enc[8 + (MAX + 2) / 3 * 4];
static char hdr[16 + sizeof enc];

static void fail(const char *why)
{
  strerr_warn("fuzz-auth: ",why,0,0,0);
  abort();
}

static unsigned int encode(char *to,const unsigned char *s,unsigned int len)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  unsigned int n = 0;
  unsigned long v;

  while (len >= 3) {
    v = ((unsigned long) s[0] << 16) | (s[1] << 8) | s[2];
    to[n++] = alphabet[v >> 18]; to[n++] = alphabet[(v >> 12) & 63];
    to[n++] = alphabet[(v >> 6) & 63]; to[n++] = alphabet[v & 63];
    s += 3; len -= 3;
  }
  if (len) {
    v = (unsigned long) s[0] << 16;
    if (len == 2) v |= s[1] << 8;
    to[n++] = alphabet[v >> 18]; to[n++] = alphabet[(v >> 12) & 63];
    to[n++] = (len == 2) ? alphabet[(v >> 6) & 63] : '=';
    to[n++] = '=';
  }
  return n;
}

/* does auth_basic's answer for plain[0..len) follow the rules? */
static void checksplit(int r,const char *plain,unsigned int len)
{
  unsigned int i = byte_chr(plain,len,':');
  int want = i < len && i > 0 && i <= AUTH_USERMAX
             && byte_chr(plain,i,'\n') == i && byte_chr(plain,i,0) == i;

  if (r != want) fail(r ? "auth_basic accepted a bad user name" : "auth_basic refused a good header");
  if (!r) return;
  if (user.len != i || !byte_equal(user.s,i,plain)) fail("wrong user name");
  if (pass.len != len - i - 1 || !byte_equal(pass.s,pass.len,plain + i + 1)) fail("wrong password");
}

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  const char *s = (const char *) data;
  unsigned int len;
  unsigned int n;
  int r;

  if (size > MAX) return 0;
  len = size;

  /* the input as base64 */
  if (base64_decode(&out,s,len)) {
    n = encode(enc,(const unsigned char *) out.s,out.len);
    if (n != len || !byte_equal(enc,n,s)) fail("accepted a string that is not the canonical encoding");
  }

  /* the input as the decoded credentials */
  n = encode(enc,data,len);
  if (!base64_decode(&out,enc,n)) fail("refused a canonical encoding");
  if (out.len != len || !byte_equal(out.s,len,s)) fail("decoding changed the bytes");
  byte_copy(hdr,6,"Basic ");
  byte_copy(hdr + 6,n,enc);
  r = auth_basic(hdr,n + 6,&user,&pass);
  checksplit(r,s,len);
  byte_copy(hdr,8,"bAsIc\t  ");
  byte_copy(hdr + 8,n,enc);
  r = auth_basic(hdr,n + 8,&user,&pass);
  checksplit(r,s,len);

  /* the input as the whole header value */
  r = auth_basic(s,len,&user,&pass);
  if (r) {
    if (len < 6 || !(s[5] == ' ' || s[5] == '\t')) fail("accepted a header without \"Basic \"");
    if (!user.len || user.len > AUTH_USERMAX) fail("user name length out of range");
    if (byte_chr(user.s,user.len,':') < user.len) fail("colon in the user name");
    if (byte_chr(user.s,user.len,'\n') < user.len) fail("newline in the user name");
    if (byte_chr(user.s,user.len,0) < user.len) fail("NUL in the user name");
  }
  return 0;
}
