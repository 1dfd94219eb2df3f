#include "byte.h"
#include "str.h"
#include "dyn.h"

/* the rows of DYN_CODEROWS, by DYN_* number; 0 is none, a bug, not an
   answer: said as 911 */
static const struct { const char *word; int served; int failure; int metric; } code[DYN_CODES] = {
  { "911", 0, 0, 0 },
#define DYN_ROW(n,w,s,f,m) { w, s, f, m },
  DYN_CODEROWS
#undef DYN_ROW
};

static int row(int c)
{
  return c > 0 && c < DYN_CODES ? c : 0;
}

const char *dyn_code_word(int c) { return code[row(c)].word; }
int dyn_code_served(int c) { return code[row(c)].served; }
int dyn_code_failure(int c) { return code[row(c)].failure; }
int dyn_code_metric(int c) { return code[row(c)].metric; }

/* the answer whose word is s[0..len); 0 if none */
int dyn_code_byword(const char *s,unsigned int len)
{
  int c;

  for (c = 1;c < DYN_CODES;++c)
    if (str_len(code[c].word) == len && byte_equal(s,len,code[c].word)) return c;
  return 0;
}

static const char *const why[] = {
  0, "not-yours", "no-lines", "no-ipv4-line", "no-ipv6-line", "ptr-in-served-zone"
};

/* the word the log gives after a nohost or abuse; 0 if none */
const char *dyn_why_word(int w)
{
  return w > 0 && w < (int) (sizeof why / sizeof why[0]) ? why[w] : 0;
}
