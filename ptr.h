#ifndef PTR_H
#define PTR_H

/* 1 if the cdb file fn (data.cdb, as tinydns-data writes it) holds an
   SOA record at the reverse name of the address ip (d.c.b.a.in-addr.arpa,
   or the 32 nibbles under ip6.arpa) or at any name above it, the root
   included: a PTR there would sit in a zone this data serves. 0 if
   not, or if fn does not exist (no data built yet, nothing served).
   -1 on error, errno set (EPROTO: fn is not a good cdb). */
extern int ptr_served4(const char *,const char *);
extern int ptr_served6(const char *,const char *);

#endif
