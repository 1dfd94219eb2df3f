#include "dyn.h"

/* every answer tinydnsdyn gives, by DYN_* number: its word (dyn.com's
   return codes) and whether it tells the client its addresses are
   served (good and nochg may be said only after a make saw them) */
static const struct { const char *word; int served; } code[DYN_CODES] = {
  { "911", 0 },       /* 0: never set; a bug, not an answer */
  { "notfqdn", 0 },
  { "nohost", 0 },
  { "nochg", 1 },
  { "good", 1 },
  { "dnserr", 0 },
  { "911", 0 },
  { "abuse", 0 },
  { "numhost", 0 },
  { "badagent", 0 },
  { "badauth", 0 },
};

const char *dyn_code_word(int c)
{
  if (c < 0 || c >= DYN_CODES) c = 0;
  return code[c].word;
}

int dyn_code_served(int c)
{
  if (c < 0 || c >= DYN_CODES) return 0;
  return code[c].served;
}
