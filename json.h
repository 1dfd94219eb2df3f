#ifndef JSON_H
#define JSON_H

/* The request bodies of the ACME challenge APIs (acme-dns's /update,
   lego httpreq's /present and /cleanup): one JSON object whose members
   are all strings, read strictly and in place, with no allocation.

   Taken: RFC 8259 whitespace (space, tab, LF, CR) around every token
   and at both ends (Go's encoder ends a body with a newline); the empty
   object {} (no members); members of any name, unknown ones too (Go's
   decoder ignores unknown fields; the caller asks for the names it
   needs), as long as their values are plain strings.

   Refused: anything that is not exactly one such object: an empty
   input, a BOM, nesting, arrays, numbers, true, false, null, bytes
   after the object but whitespace; a key twice, ASCII case ignored
   (Go's decoder matches field names without case, and goacmedns 0.1,
   the acme-dns client of lego 4.9 and of cert-manager, sends
   "SubDomain" and "Txt": json_get looks keys up without case too, and
   with no two keys equal but for case a body means here what it
   means to a Go server); more than JSON_MEMBERS members; a key or
   value over JSON_VALMAX bytes; an input over JSON_MAX bytes; inside
   a string, any backslash escape (host names, base64url values and
   key authorizations never need one), a control byte (0x00-0x1f,
   0x7f) or a byte >= 0x80. So a key or value is its bytes between
   the quotes, as they are. */

#define JSON_MAX 4096    /* longest object taken, in bytes */
#define JSON_MEMBERS 8   /* members of an object, at most */
#define JSON_VALMAX 1024 /* longest key or value */

struct json_member {
  const char *key; unsigned int keylen; /* into the input, no quotes */
  const char *val; unsigned int vallen;
};

extern int json_object(const char *,unsigned int,struct json_member *,unsigned int *);
extern int json_get(const struct json_member *,unsigned int,const char *,const char **,unsigned int *);

#endif
