#include "case.h"
#include "json.h"

/* RFC 8259's whitespace at s: its length */
static unsigned int space(const char *s,unsigned int len)
{
  unsigned int i;

  for (i = 0;i < len;++i)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') break;
  return i;
}

/* a string at s, quotes and all: its length, 0 if there is none or it
   holds a byte json.h refuses or is too long; *p, *plen its bytes */
static unsigned int string(const char *s,unsigned int len,const char **p,unsigned int *plen)
{
  unsigned int i;
  unsigned char c;

  if (!len || s[0] != '"') return 0;
  for (i = 1;i < len && i <= JSON_VALMAX + 1;++i) {
    c = s[i];
    if (c == '"') { *p = s + 1; *plen = i - 1; return i + 1; }
    if (c < 32 || c >= 127 || c == '\\') return 0;
  }
  return 0;
}

/* Reads s[0..len) as one JSON object of strings, by the rules in
   json.h. Returns 1 and its members, in the order written, in
   m[0..*n) (m has room for JSON_MEMBERS), each key and value pointing
   into s without its quotes; 0 for anything else (then m may have been
   written to, *n is not). */
int json_object(const char *s,unsigned int len,struct json_member *m,unsigned int *n)
{
  struct json_member x;
  unsigned int count = 0;
  unsigned int i;
  unsigned int j;
  unsigned int k;

  if (len > JSON_MAX) return 0;
  i = space(s,len);
  if (i == len || s[i] != '{') return 0;
  ++i;
  i += space(s + i,len - i);
  if (i < len && s[i] == '}') ++i;
  else
    for (;;) {
      if (count == JSON_MEMBERS) return 0;
      k = string(s + i,len - i,&x.key,&x.keylen);
      if (!k) return 0;
      i += k;
      i += space(s + i,len - i);
      if (i == len || s[i] != ':') return 0;
      ++i;
      i += space(s + i,len - i);
      k = string(s + i,len - i,&x.val,&x.vallen);
      if (!k) return 0;
      i += k;
      for (j = 0;j < count;++j)
        if (m[j].keylen == x.keylen && case_equalb(m[j].key,x.keylen,x.key)) return 0;
      m[count++] = x;
      i += space(s + i,len - i);
      if (i == len) return 0;
      if (s[i] == '}') { ++i; break; }
      if (s[i] != ',') return 0;
      ++i;
      i += space(s + i,len - i);
    }
  if (i + space(s + i,len - i) != len) return 0;
  *n = count;
  return 1;
}
