#ifndef HTTP_H
#define HTTP_H

#include "stralloc.h"

#define HTTP_REQMAX 8192 /* request line and headers, and a form body: all of it */
/* 1 if what a client sent begins a TLS handshake record (0x16): a
   client set to HTTPS on the plain port; no request line starts so */
#define http_tls(buf,len) ((len) > 0 && (buf)[0] == 0x16)

struct http_request {
  const char *method; unsigned int methodlen;
  const char *path; unsigned int pathlen;
  const char *query; unsigned int querylen;
  const char *auth; unsigned int authlen; int hasauth;
  const char *agent; unsigned int agentlen; int hasagent;
  const char *apiuser; unsigned int apiuserlen; int hasapiuser; /* X-Api-User */
  const char *apikey; unsigned int apikeylen; int hasapikey;    /* X-Api-Key */
  int head;       /* HEAD: answer without body */
  int minor;      /* HTTP/1.minor */
  int hasbody;    /* POST or PUT: bodylen bytes follow the head */
  int form;       /* the body is a form (that type, or none given) */
  unsigned int bodylen;
  const char *body; /* set once the body is read (http_getbody) */
};

extern int http_gethead(int,char *,unsigned int *,unsigned int *);
extern int http_getbody(int,char *,unsigned int,unsigned int);
extern int http_readmore(int,char *,unsigned int,unsigned int);
extern int http_parse(char *,unsigned int,struct http_request *);
extern int http_param(const char *,unsigned int,const char *const *,stralloc *);
extern int http_respond(int,int,const char *,const char *,const char *,unsigned int,int);
extern const char *http_reason(int);

#endif
