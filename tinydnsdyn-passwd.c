#include <crypt.h>
#include <errno.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include "fd.h"
#include "buffer.h"
#include "byte.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"
#include "getln.h"
#include "dnsname.h"
#include "auth.h"
#include "passwd.h"

#define FATAL "tinydnsdyn-passwd: fatal: "
#define USAGE "tinydnsdyn-passwd: usage: tinydnsdyn-passwd FILE user [domain,...]"

/* longest password we take: libxcrypt hashes (and so tinydnsdyn
   verifies) no longer phrase */
#define PASSWORD_MAX (CRYPT_MAX_PASSPHRASE_SIZE - 1)

static const char *fn;
static stralloc user;
static stralloc domains;
static stralloc name;
static stralloc pw1;
static stralloc pw2;
static stralloc entry; /* the new line for user */

static char inspace[BUFFER_INSIZE];
static buffer in = BUFFER_INIT(buffer_unixread,0,inspace,sizeof inspace);

static struct termios saved;
static int echooff;

static void forget(void)
{
  if (pw1.s) byte_zero(pw1.s,pw1.a);
  if (pw2.s) byte_zero(pw2.s,pw2.a);
}

static void die(int code,const char *a,const char *b,int e)
{
  forget();
  strerr_die(code,FATAL,a,b,0,e);
}

static void nomem(void)
{
  die(111,"out of memory",0,0);
}

static void usage(const char *why)
{
  if (why) strerr_warn(FATAL,why,0,0,0);
  strerr_die(100,USAGE,0,0,0,0);
}

/* -- the password */

static void restore(void)
{
  if (echooff) tcsetattr(0,TCSAFLUSH,&saved);
  echooff = 0;
}

static void interrupted(int sig)
{
  (void) sig;
  if (echooff) tcsetattr(0,TCSAFLUSH,&saved);
  if (write(2,"\n",1)) {} /* nothing to do if it fails */
  _exit(111);
}

static void catchsignals(void (*f)(int))
{
  struct sigaction sa;

  byte_zero((char *) &sa,sizeof sa);
  sa.sa_handler = f;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT,&sa,0);
  sigaction(SIGTERM,&sa,0);
  sigaction(SIGHUP,&sa,0);
  sigaction(SIGQUIT,&sa,0);
}

/* one line from fd 0 into pw, without its line end */
static void readpassword(stralloc *pw)
{
  int match;

  if (getln(&in,pw,&match,'\n',PASSWORD_MAX + 1) == -1) {
    restore();
    die(111,"unable to read password",0,errno);
  }
  if (!match && pw->len > PASSWORD_MAX) { restore(); die(100,"password too long",0,0); }
  if (match) --pw->len;
  if (pw->len && pw->s[pw->len - 1] == '\r') --pw->len;
}

static void asktty(void)
{
  struct termios t;

  if (tcgetattr(0,&saved) == -1) die(111,"unable to read terminal settings",0,errno);
  t = saved;
  t.c_lflag &= ~(ECHO | ECHOE | ECHOK);
  t.c_lflag |= ICANON;
  catchsignals(interrupted);
  echooff = 1;
  if (tcsetattr(0,TCSAFLUSH,&t) == -1) { echooff = 0; die(111,"unable to turn off echo",0,errno); }

  buffer_putsflush(buffer_2,"Password: ");
  readpassword(&pw1);
  buffer_putsflush(buffer_2,"\nAgain: ");
  readpassword(&pw2);
  buffer_putsflush(buffer_2,"\n");
  restore();
  catchsignals(SIG_DFL);
  if (pw1.len != pw2.len || !byte_equal_ct(pw1.s,pw1.len,pw2.s,pw2.len))
    die(100,"the passwords differ",0,0);
}

static void getpassword(void)
{
  if (isatty(0)) asktty();
  else readpassword(&pw1);
  if (!pw1.len) die(100,"empty password",0,0);
  if (byte_chr(pw1.s,pw1.len,0) < pw1.len) die(100,"password contains a NUL byte",0,0);
}

static void makeentry(void)
{
  if (passwd_entry(&entry,&user,&pw1,&domains) == -1) {
    if (errno == ENOMEM) nomem();
    die(111,"unable to hash the password",0,errno);
  }
  forget();
}

/* -- the arguments */

static void checkuser(const char *u)
{
  const char *bad = passwd_user(u);

  if (bad) usage(bad);
  if (!stralloc_copys(&user,u)) nomem();
}

/* dom1,dom2,...: each a host name; written lower case, without dots at
   the end, the way tinydnsdyn compares them */
static void checkdomains(const char *s)
{
  unsigned int len = str_len(s);
  unsigned int i;
  unsigned int j;

  if (!stralloc_copys(&domains,"")) nomem();
  for (i = 0;i <= len;i = j + 1) {
    j = i + byte_chr(s + i,len - i,',');
    if (!dnsname_fqdn(&name,s + i,j - i)) {
      if (errno == ENOMEM) nomem();
      if (!stralloc_copyb(&name,s + i,j - i) || !stralloc_0(&name)) nomem();
      strerr_warn(FATAL,"not a host name: '",name.s,"'",0);
      usage(0);
    }
    if (domains.len) if (!stralloc_cats(&domains,",")) nomem();
    if (!stralloc_cat(&domains,&name)) nomem();
  }
}

/* -- rewriting FILE */

static void rewrite(void)
{
  const char *why;
  const char *what;

  if (passwd_write(fn,&user,&entry,PASSWD_SET,&why,&what) == -1) {
    if (errno == ENOMEM) nomem();
    die(111,why,what,errno);
  }
}

int main(int argc,char **argv)
{
  if (fd_std() == -1) _exit(111); /* nowhere to say so */
  signal(SIGXFSZ,SIG_IGN); /* over ulimit -f: EFBIG, said, no temp left */
  if (argc < 3 || argc > 4) usage(0);
  fn = argv[1];
  if (!*fn) usage("empty file name");
  checkuser(argv[2]);
  if (argc == 4) checkdomains(argv[3]);
  getpassword();
  makeentry();
  rewrite();
  return 0;
}
