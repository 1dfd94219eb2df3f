# end to end, with no hook script: lego speaks tinydnsdyn's ACME APIs,
# acme-dns's (POST /update) and its own httpreq (POST /present and
# /cleanup), and gets a certificate for h1.example.com and
# *.h1.example.com from a local ACME server (pebble) that checks the
# DNS-01 challenges against our tinydns; with an ACME-only key that
# tinydnsdyn-host acme made, whose accounts JSON is lego's storage file
# as printed; in a network namespace with only lo
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

"$TOP/tinydnsdyn-host" -p passwd -s "http://127.0.0.1:$PORT" root acme h1.example.com > acme.out 2> acme.err || die "tinydnsdyn-host acme: $(cat acme.err)"
user=$(sed -n 's/^user: //p' acme.out)
secret=$(sed -n 's/^secret: //p' acme.out)
sed -n '/^{/p' acme.out > accounts.json
echo "user $user, a secret of ${#secret}"
sed "s/$secret/SECRET/g; s/$PORT/PORT/g" acme.out | grep -v '^secret: '

legorun() {  # legorun DIR DNS: lego run, ENV set by the caller
  timeout 120 lego --server "https://127.0.0.1:$ACMEPORT/dir" --accept-tos \
    --email alice@example.com --path "$PWD/$1" \
    --dns "$2" --dns.resolvers "$DNSIP:53" --dns.disable-cp \
    -d h1.example.com -d '*.h1.example.com' run > "$1.out" 2>&1
  echo "lego exit $?"
  sans "$1/certificates/h1.example.com.crt"
}

echo '--- acme-dns, as goacmedns sends it: two values, a name and its wildcard'
# lego runs: acmedns present|cleanup FQDN VALUE; acme-dns has no cleanup
cat > acmedns <<'EOF2'
#!/bin/sh
[ "$1" = present ] || exit 0
account=$(sed 's/.*"username":"\([^"]*\)","password":"\([^"]*\)".*"subdomain":"\([^"]*\)".*/\1 \2 \3/' "$ACCOUNTS")
set -- "$3" $account
exec curl -sS -f -o /dev/null -X POST -H "X-Api-User: $2" -H "X-Api-Key: $3" \
  -H 'Content-Type: application/json' -A 'goacmedns (linux; amd64)' \
  --data-binary "{\"SubDomain\":\"$4\",\"Txt\":\"$1\"}" "$BASE/update"
EOF2
chmod 755 acmedns
LEGO_CA_CERTIFICATES="$PWD/ca.pem" EXEC_PATH="$PWD/acmedns" ACCOUNTS="$PWD/accounts.json" \
  BASE="http://127.0.0.1:$PORT" EXEC_PROPAGATION_TIMEOUT=20 EXEC_POLLING_INTERVAL=1 \
  EXEC_SEQUENCE_INTERVAL=1 legorun lego1 exec
grep -o '_acme-challenge.h1.example.com acme-dns .*' log
echo "values left (acme-dns has no cleanup): $(grep -c "^'_acme-challenge" root/data.dyn)"
echo '--- lego --dns httpreq: present, then cleanup'
LEGO_CA_CERTIFICATES="$PWD/ca.pem" HTTPREQ_ENDPOINT="http://127.0.0.1:$PORT" \
  HTTPREQ_USERNAME="$user" HTTPREQ_PASSWORD="$secret" \
  HTTPREQ_PROPAGATION_TIMEOUT=20 HTTPREQ_POLLING_INTERVAL=1 legorun lego2 httpreq
grep -o '_acme-challenge.h1.example.com httpreq:.*' log
echo "values left: $(grep -c "^'_acme-challenge" root/data.dyn)"
echo '--- the log has no secret'
grep -c "$secret" log
