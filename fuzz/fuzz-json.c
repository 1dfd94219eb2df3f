/* libFuzzer harness: json_object and json_get, on bodies a client of
   the ACME APIs may send. Checked against a model written apart (a
   byte-at-a-time automaton with the limits stated once more): both
   take the same inputs and find the same members. What is taken holds
   members inside the input, in order, their bytes between quotes, of
   printable ASCII but " and \, no key twice (case ignored), within the
   limits; written again without whitespace and with it, it reads back
   to the same members, and json_get finds each one, in any case. What
   is refused stays refused with whitespace around it; what is taken
   is refused cut short, with a BOM, with a byte after it or a
   backslash in a string. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "byte.h"
#include "str.h"
#include "strerr.h"
#include "json.h"

#define BUFMAX (JSON_MAX + 1024) /* the input and what it becomes */

static struct json_member m[JSON_MEMBERS];
static struct json_member again[JSON_MEMBERS];
static struct json_member model[JSON_MEMBERS + 1];
static char buf[BUFMAX + 16 * JSON_MEMBERS + 16];

static void fail(const char *why)
{
  strerr_warn("fuzz-json: ",why,0,0,0);
  abort();
}

static int white(unsigned char c)
{
  return c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d;
}

/* a byte a key or value may hold */
static int plain(unsigned char c)
{
  return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
}

static int sameword(const char *a,unsigned int alen,const char *b,unsigned int blen)
{
  unsigned int i;
  unsigned char x;
  unsigned char y;

  if (alen != blen) return 0;
  for (i = 0;i < alen;++i) {
    x = a[i]; y = b[i];
    if (x >= 'A' && x <= 'Z') x = x - 'A' + 'a';
    if (y >= 'A' && y <= 'Z') y = y - 'A' + 'a';
    if (x != y) return 0;
  }
  return 1;
}

/* a letter in the other case */
static char flip(char c)
{
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
  return c;
}

/* the model: one state per place in the grammar, one step per byte */
#define M_BEFORE 0  /* before { */
#define M_OPEN 1    /* after {: a key or } */
#define M_NEXT 2    /* after ,: a key */
#define M_KEY 3     /* in a key */
#define M_COLON 4   /* after a key: : */
#define M_VALUE 5   /* after :: a value */
#define M_VAL 6     /* in a value */
#define M_AFTER 7   /* after a value: , or } */
#define M_DONE 8    /* after }: only whitespace */

static int modelparse(const char *s,unsigned int len,unsigned int *n)
{
  unsigned int i;
  unsigned int j;
  unsigned int start = 0;
  unsigned int count = 0;
  int st = M_BEFORE;
  unsigned char c;

  if (len > JSON_MAX) return 0;
  for (i = 0;i < len;++i) {
    c = s[i];
    switch (st) {
      case M_KEY:
      case M_VAL:
        if (c != '"') {
          if (!plain(c)) return 0;
          continue;
        }
        if (i - start > JSON_VALMAX) return 0;
        if (st == M_KEY) {
          if (count == JSON_MEMBERS) return 0;
          model[count].key = s + start;
          model[count].keylen = i - start;
          st = M_COLON;
        }
        else {
          model[count].val = s + start;
          model[count].vallen = i - start;
          for (j = 0;j < count;++j)
            if (sameword(model[j].key,model[j].keylen,model[count].key,model[count].keylen)) return 0;
          ++count;
          st = M_AFTER;
        }
        continue;
    }
    if (white(c)) continue;
    if (st == M_BEFORE && c == '{') st = M_OPEN;
    else if ((st == M_OPEN || st == M_NEXT) && c == '"') { st = M_KEY; start = i + 1; }
    else if ((st == M_OPEN || st == M_AFTER) && c == '}') st = M_DONE;
    else if (st == M_COLON && c == ':') st = M_VALUE;
    else if (st == M_VALUE && c == '"') { st = M_VAL; start = i + 1; }
    else if (st == M_AFTER && c == ',') st = M_NEXT;
    else return 0;
  }
  *n = count;
  return st == M_DONE;
}

static void same(const struct json_member *a,unsigned int na,const struct json_member *b,unsigned int nb,const char *why)
{
  unsigned int i;

  if (na != nb) fail(why);
  for (i = 0;i < na;++i) {
    if (a[i].keylen != b[i].keylen || !byte_equal(a[i].key,a[i].keylen,b[i].key)) fail(why);
    if (a[i].vallen != b[i].vallen || !byte_equal(a[i].val,a[i].vallen,b[i].val)) fail(why);
  }
}

static unsigned int put(unsigned int at,const char *s,unsigned int len)
{
  byte_copy(buf + at,len,s);
  return at + len;
}

/* the members written again: compact, as Go's encoder does, or with
   some of each whitespace byte around every token */
static unsigned int rewrite(const struct json_member *x,unsigned int n,int spaced)
{
  unsigned int i;
  unsigned int at = 0;
  const char *sp = spaced ? " \t\r\n" : "";
  unsigned int splen = spaced ? 4 : 0;

  at = put(at,sp,splen);
  at = put(at,"{",1);
  for (i = 0;i < n;++i) {
    if (i) at = put(at,",",1);
    at = put(at,sp,splen);
    at = put(at,"\"",1);
    at = put(at,x[i].key,x[i].keylen);
    at = put(at,"\"",1);
    at = put(at,sp,splen > 1 ? 1 : 0);
    at = put(at,":",1);
    at = put(at,sp + (splen ? 3 : 0),splen ? 1 : 0);
    at = put(at,"\"",1);
    at = put(at,x[i].val,x[i].vallen);
    at = put(at,"\"",1);
    at = put(at,sp + (splen ? 1 : 0),splen ? 2 : 0);
  }
  at = put(at,"}",1);
  at = put(at,sp + (splen ? 3 : 0),splen ? 1 : 0);
  return at;
}

static void taken(const char *s,unsigned int len,unsigned int n)
{
  struct json_member copy[JSON_MEMBERS];
  char key[JSON_VALMAX + 1];
  unsigned int end;
  unsigned int na;
  unsigned int i;
  unsigned int j;
  unsigned int blen;
  const char *v;
  unsigned int vlen;

  if (n > JSON_MEMBERS) fail("too many members");
  if (len > JSON_MAX) fail("took an input over JSON_MAX");
  for (i = 0;i < n;++i) {
    if (m[i].key < s + 1 || m[i].keylen > JSON_VALMAX || m[i].key + m[i].keylen >= s + len) fail("key outside the input");
    if (m[i].val < s + 1 || m[i].vallen > JSON_VALMAX || m[i].val + m[i].vallen >= s + len) fail("value outside the input");
    if (m[i].key[-1] != '"' || m[i].key[m[i].keylen] != '"') fail("key not between quotes");
    if (m[i].val[-1] != '"' || m[i].val[m[i].vallen] != '"') fail("value not between quotes");
    if (m[i].val <= m[i].key + m[i].keylen) fail("value before its key");
    if (i && m[i].key <= m[i - 1].val + m[i - 1].vallen) fail("members out of order");
    for (j = 0;j < m[i].keylen;++j) if (!plain(m[i].key[j])) fail("bad byte in a key");
    for (j = 0;j < m[i].vallen;++j) if (!plain(m[i].val[j])) fail("bad byte in a value");
    for (j = 0;j < i;++j)
      if (sameword(m[i].key,m[i].keylen,m[j].key,m[j].keylen)) fail("a key twice");
  }
  /* json_get: each key finds its value ("" is the empty key), and so
     does the key in other case, as Go's decoder would */
  for (i = 0;i < n;++i) {
    byte_copy(key,m[i].keylen,m[i].key);
    key[m[i].keylen] = 0;
    if (!json_get(m,n,key,&v,&vlen)) fail("json_get misses a key");
    if (v != m[i].val || vlen != m[i].vallen) fail("json_get finds another value");
    for (j = 0;j < m[i].keylen;++j) key[j] = flip(key[j]);
    if (!json_get(m,n,key,&v,&vlen)) fail("json_get misses a key in other case");
    if (v != m[i].val || vlen != m[i].vallen) fail("json_get finds another value in other case");
  }
  if (json_get(m,n,"no such key\001",&v,&vlen)) fail("json_get finds a key that cannot be");

  /* the members point into the input; buf is overwritten below */
  for (i = 0;i < n;++i) copy[i] = m[i];

  blen = rewrite(copy,n,0);
  if (blen > len) fail("compact form longer than the input");
  if (!json_object(buf,blen,again,&na)) fail("compact form refused");
  same(copy,n,again,na,"compact form reads differently");

  blen = rewrite(copy,n,1);
  if (!json_object(buf,blen,again,&na) != (blen > JSON_MAX)) fail("spaced form refused (or taken over JSON_MAX)");
  if (blen <= JSON_MAX) same(copy,n,again,na,"spaced form reads differently");

  /* cut short anywhere before its end, it is refused */
  end = len;
  while (end && white(s[end - 1])) --end;
  if (!end || s[end - 1] != '}') fail("taken, but does not end with }");
  byte_copy(buf,len,s);
  if (json_object(buf,end - 1,again,&na)) fail("taken without its }");
  if (json_object(buf,len / 2 < end ? len / 2 : 0,again,&na)) fail("taken cut in half");
  /* a byte after it, a BOM before it */
  if (len < JSON_MAX) {
    buf[len] = (len & 1) ? 'x' : '}';
    if (json_object(buf,len + 1,again,&na)) fail("taken with a byte after it");
  }
  if (len + 3 <= JSON_MAX) {
    byte_copy(buf,3,"\357\273\277");
    byte_copy(buf + 3,len,s);
    if (json_object(buf,len + 3,again,&na)) fail("taken after a BOM");
  }
  /* a backslash in the first value */
  if (n) {
    byte_copy(buf,len,s);
    buf[m[0].val - s] = '\\';
    if (m[0].vallen && json_object(buf,len,again,&na)) fail("taken with a backslash in a value");
  }
}

static void refused(const char *s,unsigned int len)
{
  unsigned int na;

  if (len + 2 > BUFMAX) return;
  buf[0] = '\n';
  byte_copy(buf + 1,len,s);
  buf[len + 1] = ' ';
  if (json_object(buf,len + 2,again,&na)) fail("refused, but taken with whitespace around it");
  if (json_object(buf + 1,len + 1,again,&na)) fail("refused, but taken with a space after it");
  if (json_object(buf,len + 1,again,&na)) fail("refused, but taken with a newline before it");
}

int LLVMFuzzerTestOneInput(const uint8_t *data,size_t size)
{
  const char *s = (const char *) data;
  unsigned int n = 12345;
  unsigned int mn = 0;
  unsigned int i;
  int r;
  int want;

  if (size > BUFMAX) return 0;
  r = json_object(s,size,m,&n);
  if (r != 0 && r != 1) fail("neither 0 nor 1");
  want = modelparse(s,size,&mn);
  if (r != want) fail(r ? "taken, but the model refuses it" : "refused, but the model takes it");
  if (!r) {
    if (n != 12345) fail("*n written on a refusal");
    refused(s,size);
    return 0;
  }
  same(m,n,model,mn,"members differ from the model's");
  for (i = 0;i < n;++i)
    if (m[i].key != model[i].key || m[i].val != model[i].val) fail("members elsewhere than the model's");
  taken(s,size,n);
  return 0;
}
