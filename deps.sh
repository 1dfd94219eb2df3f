#!/bin/sh
# Installs the Debian 12 packages tinydnsdyn needs to build, run and be
# tested. Installs only what is missing; run as root.
set -e
pkgs="
gcc make libc6-dev libcrypt-dev
ucspi-tcp-ipv6 daemontools tinydns
runit
debhelper dpkg-dev fakeroot lintian
curl wget bind9-dnsutils ddclient inadyn perl
man-db
strace iproute2
valgrind
clang libclang-rt-14-dev
apache2-utils stunnel4 openssl libio-socket-ssl-perl rsync axfrdns
certbot lego pebble
tinydyndns
prometheus
"
# build: gcc make libcrypt-dev. run: ucspi-tcp-ipv6 daemontools tinydns.
# ucspi-tcp-ipv6 is ucspi-tcp with IPv6 (same names: tcpserver,
# tcprules); it conflicts with ucspi-tcp, which it replaces: with it one
# tcpserver on :: takes IPv6 and IPv4 clients (t-ipv6-listen).
# runit: runsv runs the service directory as Debian runs tinydns
# (t-runit). daemontools-run (svscan at boot, /etc/service) conflicts
# with runit, so it is not installed here; daemontools users install it
# instead of runit (t-svscan runs svscan itself). debhelper, dpkg-dev,
# fakeroot and lintian: the Debian package (make deb, t-deb).
# tests: curl, dig (bind9-dnsutils), ddclient and inadyn are the real
# clients; perl makes crypt(3) hashes and the hostile test clients;
# man-db (man -l) renders the man pages; strace and iproute2 (ip) run
# the client tests in a network namespace with only lo and list what
# they connect to; valgrind counts the instructions an unknown user
# costs (t-timing) and checks the handler in make sanitize. make fuzz
# and make sanitize: clang and libclang-rt-14-dev (libFuzzer and clang's
# sanitizer runtimes; only a Recommends of clang, so named here). make
# bench: tinydyndns is the reference row. apache2-utils: htpasswd makes
# users with every hash kind it writes; stunnel4, openssl and
# libio-socket-ssl-perl (ddclient's TLS): the TLS front test; rsync and
# axfrdns: the distribution test. certbot, lego and pebble (a local ACME
# server): the end-to-end ACME DNS-01 tests. prometheus: its promtool
# checks the metrics tinydnsdyn-status --prom writes (t-status).
missing=
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all installed"; exit 0; }
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# ddclient's package asks debconf questions: noninteractive keeps it quiet
# ucspi-tcp-ipv6 replaces ucspi-tcp: apt removes ucspi-tcp for it
apt-get install -y -q --no-install-recommends $missing
