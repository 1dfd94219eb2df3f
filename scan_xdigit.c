#include "scan.h"

/* value of one hex digit, either case; 16 if not a hex digit */
unsigned int scan_xdigit(char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 16;
}
