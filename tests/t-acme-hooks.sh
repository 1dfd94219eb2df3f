# the certbot hooks acme-auth-hook and acme-cleanup-hook, run with the
# CERTBOT_* environment certbot gives them, against a running server:
# settings from the environment or a config file, the password never on
# curl's command line, exit codes; and the acme.sh and lego glue of
# ACME.md
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:60
+h2.example.com:192.0.2.2:60
EOF2
pw='pa ss"wo\rd'
adduser alice "$pw" h1.example.com
startserver
starttinydns
AUTH=$TOP/acme-auth-hook
CLEANUP=$TOP/acme-cleanup-hook
V1=gfj9Xq-rIDP0Bx9mpHpWZ8LcHgkT2y9KHx7m5Y0X3nE
V2=Zn4Pq1sYB8vR0kQeT7wLmA3xCdUiOj6HgF2NbW5yE9c

# a curl that notes its arguments, then runs the real one
mkdir bin
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >> %s/curl.args\nexec /usr/bin/curl "$@"\n' "$PWD" > bin/curl
chmod 755 bin/curl
hook() {
  env PATH="$PWD/bin:$PATH" TINYDNSDYN_CONF="${TINYDNSDYN_CONF:-/nonexistent}" "$@" 2>&1
  echo "exit $?"
}

echo '--- settings from the environment: the base name and the wildcard'
export TINYDNSDYN_URL=http://127.0.0.1:$PORT/nic/update TINYDNSDYN_USER=alice TINYDNSDYN_PASSWORD=$pw
hook CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$AUTH"
hook CERTBOT_DOMAIN='*.h1.example.com' CERTBOT_VALIDATION=$V2 "$AUTH"
hook CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V2 "$AUTH"
dig_txt _acme-challenge.h1.example.com
echo '--- cleanup, one value at a time'
hook CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$CLEANUP"
dig_txt _acme-challenge.h1.example.com
hook CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V2 "$CLEANUP"
hook CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V2 "$CLEANUP"
dig_txt _acme-challenge.h1.example.com
grep -o 'alice 200 txt:.*' log
echo "password on curl's command line: $(grep -cF "$pw" curl.args)"
echo "user on curl's command line: $(grep -c alice curl.args)"

echo '--- settings from a config file; the environment comes first'
unset TINYDNSDYN_URL TINYDNSDYN_USER TINYDNSDYN_PASSWORD
printf '%s\n' '# tinydnsdyn' "TINYDNSDYN_URL=http://127.0.0.1:$PORT/v3/update" \
  'TINYDNSDYN_USER=alice' "TINYDNSDYN_PASSWORD=$pw" > acme.conf
chmod 600 acme.conf
hook TINYDNSDYN_CONF=$PWD/acme.conf CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$AUTH"
dig_txt _acme-challenge.h1.example.com
hook TINYDNSDYN_CONF=$PWD/acme.conf TINYDNSDYN_PASSWORD=wrong CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$CLEANUP"
hook TINYDNSDYN_CONF=$PWD/acme.conf CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$CLEANUP"
dig_txt _acme-challenge.h1.example.com

echo '--- failures'
export TINYDNSDYN_CONF=$PWD/acme.conf
hook CERTBOT_DOMAIN=h2.example.com CERTBOT_VALIDATION=$V1 "$AUTH"
hook CERTBOT_DOMAIN=_acme-challenge.h1.example.com CERTBOT_VALIDATION=$V1 "$AUTH"
hook CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION="$V1
'+evil.example.com:192.0.2.66" "$AUTH"
hook CERTBOT_DOMAIN=h1.example.com "$AUTH"
hook CERTBOT_VALIDATION=$V1 "$CLEANUP"
hook TINYDNSDYN_URL=http://127.0.0.1:$PORT/nowhere CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$AUTH"
unset TINYDNSDYN_CONF
hook TINYDNSDYN_URL=http://127.0.0.1:$PORT/ CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$AUTH"
stopserver
hook TINYDNSDYN_CONF=$PWD/acme.conf CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$AUTH" |
  sed "s/^curl: .*/curl: (its complaint)/; s/:$PORT\//:PORT\//"
startserver -u ROOT
sed -i "s/127\.0\.0\.1:[0-9]*/127.0.0.1:$PORT/" acme.conf
hook TINYDNSDYN_CONF=$PWD/acme.conf CERTBOT_DOMAIN=h1.example.com CERTBOT_VALIDATION=$V1 "$AUTH"
stopserver

echo '--- the acme.sh dnsapi functions and the lego exec script of ACME.md'
startserver
sed -i "s/127\.0\.0\.1:[0-9]*/127.0.0.1:$PORT/" acme.conf
export TINYDNSDYN_CONF=$PWD/acme.conf PATH=$TOP:$PATH
# ~/.acme.sh/dnsapi/dns_tinydnsdyn.sh
dns_tinydnsdyn_add() {
  CERTBOT_DOMAIN=${1#_acme-challenge.} CERTBOT_VALIDATION=$2 acme-auth-hook
}
dns_tinydnsdyn_rm() {
  CERTBOT_DOMAIN=${1#_acme-challenge.} CERTBOT_VALIDATION=$2 acme-cleanup-hook
}
dns_tinydnsdyn_add _acme-challenge.h1.example.com "$V2"; echo "exit $?"
dig_txt _acme-challenge.h1.example.com
dns_tinydnsdyn_rm _acme-challenge.h1.example.com "$V2"; echo "exit $?"
dig_txt _acme-challenge.h1.example.com
# lego --dns exec, EXEC_PATH=/usr/local/bin/tinydnsdyn-lego
legoscript
./tinydnsdyn-lego present _acme-challenge.h1.example.com. "$V1"; echo "exit $?"
dig_txt _acme-challenge.h1.example.com
./tinydnsdyn-lego cleanup _acme-challenge.h1.example.com. "$V1"; echo "exit $?"
dig_txt _acme-challenge.h1.example.com
