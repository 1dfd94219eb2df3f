#include "dyn.h"

static const char hex[] = "0123456789abcdef";

/* a value as a tinydns-data field: ':' would end it, '\' starts an
   escape, and anything not printable could end the line; all of them
   go as \ooo */
static int value(stralloc *out,const char *s,unsigned int len)
{
  unsigned int i;
  unsigned char c;
  char o[4];

  for (i = 0;i < len;++i) {
    c = s[i];
    if (c == ':' || c == '\\' || c < 0x20 || c > 0x7e) {
      o[0] = '\\';
      o[1] = '0' + (c >> 6);
      o[2] = '0' + ((c >> 3) & 7);
      o[3] = '0' + (c & 7);
      if (!stralloc_catb(out,o,4)) return 0;
    }
    else if (!stralloc_append(out,c)) return 0;
  }
  return 1;
}

static int line(stralloc *out,const struct dyn_req *q,const stralloc *name,unsigned int j)
{
  unsigned long long ttd = DYN_TAI(q) + q->txt.lifetime;
  char t[16];
  unsigned int i;

  for (i = 0;i < 16;++i) t[i] = hex[(ttd >> (60 - 4 * i)) & 15];
  if (!stralloc_cats(out,"'" DYN_ACME)) return 0;
  if (!stralloc_catb(out,name->s,name->len)) return 0;
  if (!stralloc_append(out,':')) return 0;
  if (!value(out,q->txt.v[j],q->txt.len[j])) return 0;
  if (!stralloc_cats(out,":0:")) return 0;
  if (!stralloc_catb(out,t,16)) return 0;
  return stralloc_append(out,'\n');
}

/* After a pass over every line (dyn_txtline): out gets the lines this
   request adds at the end of the data file, empty if none: DYN_ADD's
   q->add, or DYN_TXT's challenge lines, and each host's changed count
   its removed and added lines. Adding that would leave a host more
   than DYN_TXTMAX values adds nothing to it and marks it abuse. 1 on
   success, 0 if out of memory. */
int dyn_txtend(struct dyn_req *q,stralloc *out)
{
  const struct dyn_txt *t = &q->txt;
  struct dyn_host *h = q->h;
  unsigned int i;
  unsigned int j;
  unsigned int start;
  unsigned long added;

  out->len = 0;
  if (q->mode == DYN_ADD) return stralloc_copy(out,&q->add);
  if (q->mode != DYN_TXT) return 1;
  for (i = 0;i < q->nh;++i) {
    if (!h[i].txt || !h[i].allowed) continue;
    start = out->len;
    added = 0;
    if (t->action != DYN_TXTDEL)
      for (j = 0;j < t->n;++j)
        if (!(h[i].c.txtfound & (1U << j))) {
          if (!line(out,q,&h[i].name,j)) return 0;
          ++added;
        }
    /* DYN_TXTROLL: only once the third scan knows what goes */
    if ((t->action == DYN_TXTADD || (t->action == DYN_TXTROLL && h[i].txtkeep)) && added
        && h[i].c.txtlines - h[i].c.txtgone + added > DYN_TXTMAX) {
      out->len = start;
      h[i].abuse = 1;
      continue;
    }
    h[i].c.changed += h[i].c.txtgone + added;
  }
  return 1;
}
