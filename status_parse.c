#include "byte.h"
#include "fmt.h"
#include "scan.h"
#include "str.h"
#include "status.h"

/* the answers of the first format, in the order of its count columns
   and by the numbers of its FAILCODE */
static const char *const v1[] = {
  "notfqdn", "nohost", "nochg", "good", "dnserr", "911", "abuse",
  "numhost", "badagent", "badauth", 0
};

static int v1code(unsigned long u)
{
  if (!u || u > 10) return 0;
  return dyn_code_byword(v1[u - 1],str_len(v1[u - 1]));
}

static void clear(struct status_entry *e)
{
  int j;
  e->seen = e->change4 = e->change6 = e->fail = 0;
  e->failcode = 0;
  e->client.len = e->failclient.len = e->user.len = 0;
  for (j = 0;j < DYN_CODES;++j) e->count[j] = 0;
}

/* the number s[0..len): 1, or 0 if it is none */
static int number(const char *s,unsigned int len,unsigned long *u)
{
  return len && scan_ulong(s,u) == len;
}

/* A line of the first format: NAME SEEN CHANGE4 CHANGE6 FAIL FAILCODE
   CLIENT FAILCLIENT C1..C10 USER, s[i..len) after NAME. */
static int first(struct status_entry *e,const char *s,unsigned int len,unsigned int i)
{
  unsigned long *num[5];
  unsigned long u;
  unsigned int n;
  int j;

  num[0] = &e->seen; num[1] = &e->change4; num[2] = &e->change6; num[3] = &e->fail; num[4] = &u;
  for (j = 0;j < 5;++j) {
    n = byte_chr(s + i,len - i,' ');
    if (i + n == len || !number(s + i,n,num[j])) return 0;
    i += n + 1;
  }
  e->failcode = v1code(u);
  n = byte_chr(s + i,len - i,' ');
  if (!n || i + n == len || !stralloc_copyb(&e->client,s + i,n)) return 0;
  if (n == 1 && s[i] == '-') e->client.len = 0;
  i += n + 1;
  n = byte_chr(s + i,len - i,' ');
  if (!n || i + n == len || !stralloc_copyb(&e->failclient,s + i,n)) return 0;
  if (n == 1 && s[i] == '-') e->failclient.len = 0;
  i += n + 1;
  for (j = 1;j <= 10;++j) {
    n = byte_chr(s + i,len - i,' ');
    if (!number(s + i,n,&u)) return 0;
    e->count[v1code(j)] += u;
    i += n;
    if (i < len) ++i;
    else if (j < 10) return 0;
  }
  return stralloc_copyb(&e->user,s + i,len - i);
}

/* A line of the status file, s[0..len), without its newline, into e;
   the spaces that pad it to its slot are not part of the user. 1 if it
   is one; 0 if not (a torn or foreign line), or out of memory. */
int status_parse(struct status_entry *e,const char *s,unsigned int len)
{
  unsigned long u;
  unsigned int i;
  unsigned int n;
  unsigned int k;
  int c;

  while (len && s[len - 1] == ' ') --len;
  clear(e);
  n = byte_chr(s,len,' ');
  if (!n || !stralloc_copyb(&e->name,s,n)) return 0;
  i = n + 1;
  if (i >= len) return i - 1 == len;
  if (byte_chr(s + i,len - i,' ') < byte_chr(s + i,len - i,'=')) return first(e,s,len,i);
  while (i < len) {
    k = byte_chr(s + i,len - i,'=');
    if (i + k == len) return 0;
    if (k == 1 && s[i] == 'u') return stralloc_copyb(&e->user,s + i + 2,len - i - 2);
    n = byte_chr(s + i + k + 1,len - i - k - 1,' ');
#define VAL s + i + k + 1,n
#define KEY(x) (k == sizeof x - 1 && byte_equal(s + i,k,x))
    if (KEY("s")) { if (!number(VAL,&e->seen)) return 0; }
    else if (KEY("c4")) { if (!number(VAL,&e->change4)) return 0; }
    else if (KEY("c6")) { if (!number(VAL,&e->change6)) return 0; }
    else if (KEY("f")) { if (!number(VAL,&e->fail)) return 0; }
    else if (KEY("fc")) e->failcode = dyn_code_byword(VAL);
    else if (KEY("cl")) { if (!stralloc_copyb(&e->client,VAL)) return 0; }
    else if (KEY("fcl")) { if (!stralloc_copyb(&e->failclient,VAL)) return 0; }
    else if ((c = dyn_code_byword(s + i,k))) { if (!number(VAL,&u)) return 0; e->count[c] = u; }
    /* else: a field of a later version, skipped */
#undef KEY
#undef VAL
    i += k + 1 + n + 1;
  }
  return 1;
}

/* a field, name=value: left out if value is empty; no control byte
   and no space in a value */
static int field(stralloc *sa,const char *name,const char *v,unsigned int len)
{
  unsigned int from;

  if (!len) return 1;
  if (!stralloc_append(sa,' ') || !stralloc_cats(sa,name) || !stralloc_append(sa,'=')) return 0;
  from = sa->len;
  if (!stralloc_catb(sa,v,len)) return 0;
  for (;from < sa->len;++from)
    if ((unsigned char) sa->s[from] <= 32 || sa->s[from] == 127) sa->s[from] = '?';
  return 1;
}

static int num(stralloc *sa,const char *name,unsigned long u)
{
  char x[FMT_ULONG];
  return !u || field(sa,name,x,fmt_ulong(x,u));
}

/* the contrary: e as a line, newline included, appended to sa. The
   line is padded with spaces to a whole number of STATUS_SLOT bytes,
   with at least STATUS_SLACK to spare, so that its next versions can
   be written over it in place. 1 or 0 (out of memory). */
int status_fmt(stralloc *sa,const struct status_entry *e)
{
  const char *w;
  unsigned int start = sa->len;
  unsigned int i;
  int j;

  if (!stralloc_cat(sa,&e->name)) return 0;
  if (!num(sa,"s",e->seen) || !num(sa,"c4",e->change4) || !num(sa,"c6",e->change6)) return 0;
  if (!num(sa,"f",e->fail)) return 0;
  if (e->failcode && !field(sa,"fc",dyn_code_word(e->failcode),str_len(dyn_code_word(e->failcode)))) return 0;
  if (!field(sa,"cl",e->client.s,e->client.len) || !field(sa,"fcl",e->failclient.s,e->failclient.len)) return 0;
  for (j = 1;j < DYN_CODES;++j) {
    w = dyn_code_word(j);
    if (!num(sa,w,e->count[j])) return 0;
  }
  if (e->user.len) {
    i = sa->len;
    if (!stralloc_cats(sa," u=") || !stralloc_cat(sa,&e->user)) return 0;
    /* the rest of the line: spaces are its own, but no control byte */
    for (i += 3;i < sa->len;++i) if ((unsigned char) sa->s[i] < 32 || sa->s[i] == 127) sa->s[i] = '?';
  }
  i = sa->len - start + 1 + STATUS_SLACK;
  i = (i + STATUS_SLOT - 1) / STATUS_SLOT * STATUS_SLOT;
  while (sa->len - start < i - 1) if (!stralloc_append(sa,' ')) return 0;
  return stralloc_append(sa,'\n');
}
