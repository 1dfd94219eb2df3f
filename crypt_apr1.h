#ifndef CRYPT_APR1_H
#define CRYPT_APR1_H

/* "$apr1$", up to 8 salt characters, "$", 22 characters, a spare byte */
#define CRYPT_APR1_LEN 38

extern unsigned int crypt_apr1(char *,const char *,unsigned int,const char *,unsigned int);

#endif
