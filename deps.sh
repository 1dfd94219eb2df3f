#!/bin/sh
# Installs the Debian 12 packages tinydnsdyn needs to build, run and be
# tested. Installs only what is missing; run as root.
#   build:   gcc make libcrypt-dev
#   run:     ucspi-tcp daemontools tinydns
#   tests:   curl bind9-dnsutils (dig) ddclient inadyn perl
#            man-db (man -l renders the man pages; brings groff-base)
#            strace and iproute2 (ip) for the client tests, which run the
#            clients in a network namespace with only lo and list what
#            they connect to
#            certbot, lego, pebble (a local ACME server) and openssl
#            for the end-to-end ACME DNS-01 tests (t-acme-certbot,
#            t-acme-lego)
set -e
pkgs="gcc make libc6-dev libcrypt-dev ucspi-tcp daemontools tinydns curl bind9-dnsutils ddclient inadyn perl man-db strace iproute2 certbot lego pebble openssl"
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
