#!/bin/sh
# deps.sh [run|deb]: installs the Debian 12 packages tinydnsdyn needs.
# Installs only what is missing; run as root.
#   ./deps.sh      (make deps) to build, run and test it: all below
#   ./deps.sh run  (make deps-run) to build and run it, for a server
#   ./deps.sh deb  (make deps-deb) the same, and make deb's tools
set -e
build="gcc make libc6-dev libcrypt-dev"
run="ucspi-tcp-ipv6 daemontools tinydns runit"
deb="build-essential debhelper dpkg-dev fakeroot lintian"
test="
curl wget bind9-dnsutils ddclient inadyn perl
man-db
strace iproute2 faketime
valgrind
clang libclang-rt-14-dev
apache2-utils stunnel4 openssl libio-socket-ssl-perl rsync axfrdns
certbot lego pebble
tinydyndns
prometheus
"
# build: gcc make libcrypt-dev. run: ucspi-tcp-ipv6 daemontools tinydns
# runit; tinydnsdyn runs make, which runs tinydns-data (tinydns).
# ucspi-tcp-ipv6 is ucspi-tcp with IPv6 (same names: tcpserver,
# tcprules); it conflicts with ucspi-tcp, which it replaces: with it one
# tcpserver on :: takes IPv6 and IPv4 clients (t-ipv6-listen).
# daemontools: envdir, envuidgid, setuidgid, setlock and multilog, which
# the run scripts and tinydnsdyn-check use.
# runit: Debian's tinydns runs under it (/etc/sv/tinydns/run needs
# /lib/runit/invoke-run, and tinydns.service /usr/bin/chpst), but
# tinydns only recommends it; and runsv runs the service directory as
# Debian runs tinydns (t-runit). daemontools-run (svscan at boot,
# /etc/service) conflicts with runit, so it is not installed here;
# daemontools users install it instead of runit (t-svscan runs svscan
# itself). In run and deb modes an installed daemontools-run is kept:
# runit is left out rather than have apt remove it.
# deb: build-essential, debhelper, dpkg-dev, fakeroot and lintian: the
# Debian package (make deb, t-deb); dpkg-buildpackage refuses to build
# without build-essential ("Unmet build dependencies:
# build-essential:native"), which debhelper does not pull in.
# tests: curl, dig (bind9-dnsutils), ddclient and inadyn are the real
# clients; perl makes crypt(3) hashes and the hostile test clients;
# man-db (man -l) renders the man pages; strace and iproute2 (ip) run
# the client tests in a network namespace with only lo and list what
# they connect to; faketime shows one handler a wall clock an hour
# ahead (t-fault-clock); valgrind counts the instructions an unknown user
# costs (t-timing) and checks the handler in make sanitize. make fuzz
# and make sanitize: clang and libclang-rt-14-dev (libFuzzer and clang's
# sanitizer runtimes; only a Recommends of clang, so named here). make
# bench: tinydyndns is the reference row. apache2-utils: htpasswd makes
# users with every hash kind it writes; stunnel4, openssl and
# libio-socket-ssl-perl (ddclient's TLS): the TLS front test; rsync and
# axfrdns: the distribution test. certbot, lego and pebble (a local ACME
# server): the end-to-end ACME DNS-01 tests. prometheus: its promtool
# checks the metrics tinydnsdyn-status --prom writes (t-status).
installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}
case ${1-} in
  '') pkgs="$build $run $deb $test" ;;
  run) pkgs="$build $run" ;;
  deb) pkgs="$build $run $deb" ;;
  *) echo 'deps: usage: deps.sh [run|deb]' >&2; exit 100 ;;
esac
if [ -n "${1-}" ] && installed daemontools-run; then
  echo "deps: daemontools-run is installed: runit left out (apt would remove daemontools-run for it)"
  pkgs=$(for p in $pkgs; do [ "$p" = runit ] || echo "$p"; done)
fi
missing=
for p in $pkgs; do
  installed "$p" || missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all installed"; exit 0; }
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# ddclient's package asks debconf questions: noninteractive keeps it quiet
# ucspi-tcp-ipv6 replaces ucspi-tcp: apt removes ucspi-tcp for it
apt-get install -y -q --no-install-recommends $missing
