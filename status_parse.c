#include "byte.h"
#include "scan.h"
#include "status.h"

static unsigned int field(const char *s,unsigned int len,unsigned int i,stralloc *out)
{
  unsigned int n = byte_chr(s + i,len - i,' ');
  if (!n || i + n == len) return 0;
  if (!stralloc_copyb(out,s + i,n)) return 0;
  return n + 1;
}

static unsigned int number(const char *s,unsigned int len,unsigned int i,unsigned long *u)
{
  unsigned int n = scan_ulong(s + i,u);
  if (!n || i + n >= len || s[i + n] != ' ') return 0;
  return n + 1;
}

/* A line of the status file, s[0..len), without its newline, into e;
   the spaces that pad it to its slot are not part of the user. 1 if it
   is one; 0 if not (a torn or foreign line), or out of memory. */
int status_parse(struct status_entry *e,const char *s,unsigned int len)
{
  unsigned long u;
  unsigned int i = 0;
  unsigned int n;
  int j;

  while (len && s[len - 1] == ' ') --len;

  if (!(n = field(s,len,i,&e->name))) return 0;
  i += n;
  if (!(n = number(s,len,i,&e->seen))) return 0;
  i += n;
  if (!(n = number(s,len,i,&e->change4))) return 0;
  i += n;
  if (!(n = number(s,len,i,&e->change6))) return 0;
  i += n;
  if (!(n = number(s,len,i,&e->fail))) return 0;
  i += n;
  if (!(n = number(s,len,i,&u)) || u >= DYN_CODES) return 0;
  e->failcode = u;
  i += n;
  if (!(n = field(s,len,i,&e->client))) return 0;
  i += n;
  if (!(n = field(s,len,i,&e->failclient))) return 0;
  i += n;
  e->count[0] = 0;
  for (j = 1;j < DYN_CODES - 1;++j) {
    if (!(n = number(s,len,i,&e->count[j]))) return 0;
    i += n;
  }
  n = scan_ulong(s + i,&e->count[j]);
  if (!n) return 0;
  i += n;
  if (i == len) return stralloc_copys(&e->user,"");
  if (s[i] != ' ') return 0;
  ++i;
  return stralloc_copyb(&e->user,s + i,len - i);
}

static int num(stralloc *sa,unsigned long u)
{
  return stralloc_catulong(sa,u) && stralloc_append(sa,' ');
}

/* the contrary: e as a line, newline included, appended to sa; no
   control character and no space where a field ends it. The line is
   padded with spaces to a whole number of STATUS_SLOT bytes, with at
   least STATUS_SLACK to spare, so that its next versions can be
   written over it in place. 1 or 0 (out of memory). */
int status_fmt(stralloc *sa,const struct status_entry *e)
{
  unsigned int start = sa->len;
  unsigned int from;
  unsigned int i;
  int j;

  if (!stralloc_cat(sa,&e->name) || !stralloc_append(sa,' ')) return 0;
  if (!num(sa,e->seen) || !num(sa,e->change4) || !num(sa,e->change6)) return 0;
  if (!num(sa,e->fail) || !num(sa,(unsigned long) e->failcode)) return 0;
  from = sa->len;
  if (e->client.len) { if (!stralloc_cat(sa,&e->client)) return 0; }
  else if (!stralloc_append(sa,'-')) return 0;
  for (i = from;i < sa->len;++i) if ((unsigned char) sa->s[i] <= 32 || sa->s[i] == 127) sa->s[i] = '?';
  if (!stralloc_append(sa,' ')) return 0;
  from = sa->len;
  if (e->failclient.len) { if (!stralloc_cat(sa,&e->failclient)) return 0; }
  else if (!stralloc_append(sa,'-')) return 0;
  for (i = from;i < sa->len;++i) if ((unsigned char) sa->s[i] <= 32 || sa->s[i] == 127) sa->s[i] = '?';
  if (!stralloc_append(sa,' ')) return 0;
  for (j = 1;j < DYN_CODES;++j) if (!num(sa,e->count[j])) return 0;
  from = sa->len;
  if (!stralloc_cat(sa,&e->user)) return 0;
  for (i = from;i < sa->len;++i) if ((unsigned char) sa->s[i] < 32 || sa->s[i] == 127) sa->s[i] = '?';
  i = sa->len - start + 1 + STATUS_SLACK;
  i = (i + STATUS_SLOT - 1) / STATUS_SLOT * STATUS_SLOT;
  while (sa->len - start < i - 1) if (!stralloc_append(sa,' ')) return 0;
  return stralloc_append(sa,'\n');
}
