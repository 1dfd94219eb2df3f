#ifndef IP6_H
#define IP6_H

#define IP6_FMT 40       /* "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" and a spare byte */
#define IP6_FMT_OCTAL 64 /* 16 times \ooo, tinydns-data's generic rdata */
#define IP6_FMT_HEX 32   /* 32 hex digits, patched tinydns-data's 6 and 3 lines */

extern unsigned int ip6_scan(const char *,unsigned int,char *);
extern unsigned int ip6_fmt(char *,const char *);
extern int ip6_ismapped(const char *);

extern unsigned int ip6_fmt_octal(char *,const char *);
extern unsigned int ip6_fmt_hex(char *,const char *);
extern int ip6_scan_octal(const char *,unsigned int,char *);
extern int ip6_scan_hex(const char *,unsigned int,char *);

#endif
