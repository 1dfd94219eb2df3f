#!/bin/sh
# deps.sh [demo|run|deb]: installs the Debian 12 packages tinydnsdyn
# needs, only those missing, as root; and leaves the machine's services
# as they were (Services, below).
#   ./deps.sh       (make deps) to build, run and test it: all below,
#                   for a build or CI machine
#   ./deps.sh demo  (make deps-demo) to build it and run make demo
#   ./deps.sh run   (make deps-run) to build and run it, for a server
#   ./deps.sh deb   (make deps-deb) the same, and make deb's tools
set -e
build="gcc make libc6-dev libcrypt-dev"
demo="ucspi-tcp-ipv6 tinydns curl bind9-dnsutils"
run="ucspi-tcp-ipv6 daemontools tinydns runit daemon bind9-dnsutils"
deb="build-essential debhelper dpkg-dev fakeroot lintian"
test="
curl wget ddclient inadyn perl
man-db
strace iproute2 faketime
valgrind
clang libclang-rt-14-dev
apache2-utils stunnel4 openssl libio-socket-ssl-perl rsync axfrdns
certbot lego pebble
tinydyndns
prometheus
"
# build: gcc make libcrypt-dev. demo: tcpserver (ucspi-tcp-ipv6) and
# tinydns run it, curl and dig (bind9-dnsutils) try it. run:
# ucspi-tcp-ipv6 daemontools tinydns runit daemon bind9-dnsutils;
# tinydnsdyn runs make, which runs tinydns-data (tinydns).
# ucspi-tcp-ipv6 is ucspi-tcp with IPv6 (same names: tcpserver,
# tcprules, tcpclient); it conflicts with ucspi-tcp, which it replaces:
# with it one tcpserver on :: takes IPv6 and IPv4 clients (t-ipv6-listen).
# daemontools: envdir, envuidgid, setuidgid, setlock and multilog, which
# the run scripts and tinydnsdyn-check use. bind9-dnsutils: dig, with
# which tinydnsdyn-check asks the running tinydns.
# runit and daemon: Debian's tinydns only recommends them, but runs
# under runit (/etc/sv/tinydns/run needs /lib/runit/invoke-run, and
# tinydns.service /usr/bin/chpst), and invoke-run first stops
# /etc/init.d/tinydns, which fails without daemon; runsv runs the
# service directory as Debian runs tinydns (t-runit, t-route).
# daemontools-run (svscan at boot, /etc/service) conflicts with runit,
# so it is not installed here; daemontools users install it instead of
# runit (t-svscan runs svscan itself). In the other modes an installed
# daemontools-run is kept: runit is left out rather than have apt
# remove it.
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
#
# Services. Installing a package may enable and start a daemon:
# prometheus listens on port 9090 at once, ddclient runs with debconf's
# defaults, stunnel4 and certbot enable their units. While apt-get
# runs, /usr/sbin/policy-rc.d answers 101 (refused), so that
# invoke-rc.d, deb-systemd-invoke and runit's invoke-run start nothing
# (a policy-rc.d the machine has already is kept, and obeyed as it is).
# Afterwards every systemd unit, runit service and SysV script that the
# install enabled is disabled again, a unit that runs anew is stopped,
# and a TCP port that listens anew stops deps.sh (exit 111) with its
# number. t-deps-services installs packages whose scripts enable and
# start daemons, with stand-ins, and checks that none is left.
installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}
case ${1-} in
  '') pkgs="$build $run $deb $test" ;;
  demo) pkgs="$build $demo" ;;
  run) pkgs="$build $run" ;;
  deb) pkgs="$build $run $deb" ;;
  *) echo 'deps: usage: deps.sh [demo|run|deb]' >&2; exit 100 ;;
esac
if [ -n "${1-}" ] && installed daemontools-run; then
  echo "deps: daemontools-run is installed: runit left out (apt would remove daemontools-run for it)"
  pkgs=$(for p in $pkgs; do [ "$p" = runit ] || echo "$p"; done)
fi
missing=
for p in $pkgs; do
  case " $missing " in *" $p "*) continue ;; esac
  installed "$p" || missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all installed"; exit 0; }

policy=/usr/sbin/policy-rc.d
ours='# deps.sh: no service starts while packages are installed'
tmp=
unpolicy() {
  if [ -f "$policy" ] && [ "$(sed -n 2p "$policy")" = "$ours" ]; then
    rm -f "$policy"
  fi
}
trap 'unpolicy; [ -z "$tmp" ] || rm -rf "$tmp"' EXIT
trap 'exit 111' INT TERM HUP
tmp=$(mktemp -d "${TMPDIR:-/tmp}/deps.XXXXXX")

# what is enabled to start at boot, one link a line
enabled() {
  find /etc/systemd/system -type l \( -path '*.wants/*' -o -path '*.requires/*' \) 2>/dev/null
  find /etc/runit/runsvdir/default -mindepth 1 -maxdepth 1 -type l 2>/dev/null
  find /etc/rc2.d /etc/rc3.d /etc/rc4.d /etc/rc5.d /etc/rcS.d -type l -name 'S*' 2>/dev/null
}
# the units systemd has active, where it runs
active() {
  [ -d /run/systemd/system ] || return 0
  systemctl list-units --state=active --plain --no-legend --type=service,socket,timer,path |
    awk '{ print $1 }'
}
# the TCP ports that listen, on any address, in decimal
listening() {
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
    awk '$4 == "0A" { sub(/.*:/, "", $2); print $2 }' |
    while read -r hex; do echo $((0x$hex)); done
}
# anew NAME: the lines NAME prints now that it did not print before
anew() {
  "$1" | sort -u > "$tmp/$1.now"
  comm -13 "$tmp/$1" "$tmp/$1.now"
}
for f in enabled active listening; do "$f" | sort -u > "$tmp/$f"; done
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n%s\nexit 101\n' "$ours" > "$policy"
  chmod 755 "$policy"
fi

echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# ddclient's package asks debconf questions: noninteractive keeps it quiet
# ucspi-tcp-ipv6 replaces ucspi-tcp: apt removes ucspi-tcp for it
apt-get install -y -q --no-install-recommends $missing
unpolicy

# undo what the install enabled and started
anew enabled > "$tmp/disable"
reload=
while read -r l; do
  case $l in
    /etc/systemd/*) rm -f "$l"; reload=1 ;;
    /etc/runit/*) rm -f "$l" ;;
    *) n=${l##*/}; update-rc.d "${n#S[0-9][0-9]}" disable >/dev/null 2>&1 || rm -f "$l" ;;
  esac
done < "$tmp/disable"
sed 's|.*/||; s/^S[0-9][0-9]//' "$tmp/disable" | sort -u |
  while read -r n; do echo "deps: disabled $n (its install enabled it)"; done
[ -z "$reload" ] || [ ! -d /run/systemd/system ] || systemctl daemon-reload
for u in $(anew active); do
  systemctl stop "$u" && echo "deps: stopped $u (its install started it)"
done
new=$(anew listening | tr '\n' ' ')
if [ -n "$new" ]; then
  echo "deps: fatal: TCP port ${new% } listens since the install: stop and disable what listens there (ss -ltnp names it)" >&2
  exit 111
fi
echo "deps: no service enabled, started or listening anew"
