# end to end: certbot gets a certificate for h1.example.com and
# *.h1.example.com from a local ACME server (pebble) that checks the
# DNS-01 challenges against our tinydns, with acme-auth-hook and
# acme-cleanup-hook talking to tinydnsdyn; in a network namespace with
# only lo
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1
. "$TESTS/lib-ipv6.sh" || exit 1
isolate "$@"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:60
+h2.example.com:192.0.2.2:60
EOF2
adduser alice alice-pw h1.example.com
startserver
starttinydns

startpebble

printf '%s\n' "TINYDNSDYN_URL=http://127.0.0.1:$PORT/nic/update" \
  TINYDNSDYN_USER=alice TINYDNSDYN_PASSWORD=alice-pw > acme.conf
certbot() {
  env TINYDNSDYN_CONF="$PWD/acme.conf" REQUESTS_CA_BUNDLE="$PWD/ca.pem" \
    timeout 120 certbot certonly --non-interactive --agree-tos \
    --register-unsafely-without-email --server "https://127.0.0.1:$ACMEPORT/dir" \
    --config-dir "$PWD/le" --work-dir "$PWD/le" --logs-dir "$PWD/le" \
    --manual --preferred-challenges dns \
    --manual-auth-hook "$TOP/acme-auth-hook" \
    --manual-cleanup-hook "$TOP/acme-cleanup-hook" "$@" > certbot.out 2>&1
  echo "certbot exit $?"
}

echo '--- the base name and its wildcard: two values at once'
certbot -d h1.example.com -d '*.h1.example.com' --cert-name h1
sans le/live/h1/cert.pem
grep -o 'alice 200 txt:.*' log
echo '--- the cleanup hook removed them'
showacme
dig_txt _acme-challenge.h1.example.com
echo '--- a host of someone else: certbot fails, nothing written'
snap
certbot -d h2.example.com --cert-name h2
same
[ -e le/live/h2 ] && echo "h2: got a certificate" || echo "h2: no certificate"
grep -o 'acme-auth-hook: .*' certbot.out | head -1
