# end to end: lego (--dns exec) gets a certificate for h1.example.com
# and *.h1.example.com from a local ACME server (pebble) that checks the
# DNS-01 challenges against our tinydns, through the tinydnsdyn-lego
# script of ACME.md and the two hooks; in a network namespace with
# only lo
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1
. "$TESTS/lib-ipv6.sh" || exit 1
isolate "$@"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:60
EOF2
adduser alice alice-pw h1.example.com
startserver
starttinydns
startpebble

printf '%s\n' "TINYDNSDYN_URL=http://127.0.0.1:$PORT/nic/update" \
  TINYDNSDYN_USER=alice TINYDNSDYN_PASSWORD=alice-pw > acme.conf
# ACME.md's script, with the hooks found in $TOP
legoscript

env PATH="$TOP:$PATH" TINYDNSDYN_CONF="$PWD/acme.conf" LEGO_CA_CERTIFICATES="$PWD/ca.pem" \
  EXEC_PATH="$PWD/tinydnsdyn-lego" EXEC_PROPAGATION_TIMEOUT=20 EXEC_POLLING_INTERVAL=1 EXEC_SEQUENCE_INTERVAL=1 \
  timeout 120 lego --server "https://127.0.0.1:$ACMEPORT/dir" --accept-tos \
  --email alice@example.com --path "$PWD/lego" \
  --dns exec --dns.resolvers "$DNSIP:53" --dns.disable-cp \
  -d h1.example.com -d '*.h1.example.com' run > lego.out 2>&1
echo "lego exit $?"
sans lego/certificates/h1.example.com.crt
grep -o 'alice 200 txt:.*' log
showacme
