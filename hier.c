#include "auto_home.h"
#include "hier.h"

void hier(void)
{
  h(auto_home,-1,-1,0755);

  d(auto_home,"bin",-1,-1,0755);
  d(auto_home,"man",-1,-1,0755);
  d(auto_home,"man/man8",-1,-1,0755);

  c(auto_home,"bin","tinydnsdyn",-1,-1,0755);
  c(auto_home,"bin","tinydnsdyn-conf",-1,-1,0755);
  c(auto_home,"bin","tinydnsdyn-passwd",-1,-1,0755);
  c(auto_home,"bin","tinydnsdyn-host",-1,-1,0755);
  c(auto_home,"bin","tinydnsdyn-status",-1,-1,0755);
  c(auto_home,"bin","tinydnsdyn-check",-1,-1,0755);

  c(auto_home,"man/man8","tinydnsdyn.8",-1,-1,0644);
  c(auto_home,"man/man8","tinydnsdyn-conf.8",-1,-1,0644);
  c(auto_home,"man/man8","tinydnsdyn-passwd.8",-1,-1,0644);
  c(auto_home,"man/man8","tinydnsdyn-host.8",-1,-1,0644);
  c(auto_home,"man/man8","tinydnsdyn-status.8",-1,-1,0644);
  c(auto_home,"man/man8","tinydnsdyn-check.8",-1,-1,0644);
}
