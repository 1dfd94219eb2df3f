#!/bin/sh
# Installs the Debian 12 packages tinydnsdyn needs to build, run and be
# tested. Installs only what is missing; run as root.
#   build:   gcc make libcrypt-dev
#   run:     ucspi-tcp daemontools tinydns
#   tests:   curl bind9-dnsutils (dig) ddclient inadyn perl
#   hardening (make fuzz, make sanitize): clang and libclang-rt-14-dev
#            (libFuzzer and clang's sanitizer runtimes; --no-install-
#            recommends would leave the latter out), valgrind. gcc's
#            own ASan/UBSan runtimes come with gcc.
set -e
pkgs="gcc make libc6-dev libcrypt-dev ucspi-tcp daemontools tinydns curl bind9-dnsutils ddclient inadyn perl"
pkgs="$pkgs clang libclang-rt-14-dev valgrind"
missing=
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all installed"; exit 0; }
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# ddclient's package asks questions and wants to start a daemon: keep it quiet
apt-get install -y -q --no-install-recommends $missing
