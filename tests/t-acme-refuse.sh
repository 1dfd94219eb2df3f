# The ACME APIs refuse what they must, with each API's answer, and
# write nothing then: a wrong key, a host not the user's, a bad
# subdomain or value, any body that is not one flat JSON object of
# strings; and a key for challenges only (tinydnsdyn-host acme) never
# changes an address. The request forms of the acme-dns clients
# (goacmedns 0.1.1 and its later form, libdns/acmedns for Caddy,
# acme.sh), as their sources write them, all work. MAXPERHOUR and the
# 8 values of a host hold for these routes too.
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:60
+h2.example.com:192.0.2.2:60
EOF2
adduser alice alice-pw h1.example.com
adduser bob bob-pw h2.example.com
"$TOP/tinydnsdyn-host" -p passwd root acme h1.example.com > acme.out 2>&1 || die "acme: $(cat acme.out)"
key=$(sed -n 's/^secret: //p' acme.out)
A=_acme-challenge.h1.example.com
V=gfj9Xq-rIDP0Bx9mpHpWZ8LcHgkT2y9KHx7m5Y0X3nE
startserver

# post PATH BODY [curl options]: the status and the body
post() {
  local p=$1 b=$2
  shift 2
  curl -sS -o .body -w '%{http_code} %{content_type}' -X POST --data-binary "$b" "$@" \
    "http://127.0.0.1:$PORT$p" > .st 2>&1
  echo "$(cat .st) $(cat .body | tr -d '\n')"
}
upd() { post /update "$1" -H "X-Api-User: ${2:-$A}" -H "X-Api-Key: ${3:-$key}" -H 'Content-Type: application/json'; }

echo '--- acme-dns, the request forms of its clients'
snap
upd "{\"SubDomain\":\"h1.example.com\",\"Txt\":\"$V\"}"
post /update "{\"subdomain\":\"h1.example.com\",\"txt\":\"${V/g/G}\"}
" -H "X-Api-User: $A" -H "X-Api-Key: $key" -H 'Content-Type: application/json' -H 'Accept: application/json'
post /update "{\"subdomain\":\"h1.example.com\",\"txt\":\"${V/g/H}\"}" -H "X-Api-User: $A" -H "X-Api-Key: $key" -H 'Content-Type:'
post /update "{\"subdomain\":\"h1.example.com\", \"txt\": \"${V/g/I}\"}" -H "X-Api-User: $A" -H "X-Api-Key: $key"
echo "values: $(grep -c "^'_acme-challenge.h1" root/data.dyn)"
echo '--- acme-dns refusals: nothing written'
snap
upd "{\"subdomain\":\"h1.example.com\",\"txt\":\"$V\"}" "$A" wrong
upd "{\"subdomain\":\"h1.example.com\",\"txt\":\"$V\"}" nobody "$key"
post /update "{\"subdomain\":\"h1.example.com\",\"txt\":\"$V\"}" -H "X-Api-Key: $key"
upd "{\"subdomain\":\"h2.example.com\",\"txt\":\"$V\"}"
upd "{\"subdomain\":\"nothere.example.com\",\"txt\":\"$V\"}"
upd "{\"subdomain\":\"bad_name\",\"txt\":\"$V\"}"
upd "{\"subdomain\":\"h1.example.com\",\"txt\":\"short\"}"
upd "{\"subdomain\":\"h1.example.com\",\"txt\":\"${V%E}:\"}"
for b in '' '{}' '[]' "{\"subdomain\":\"h1.example.com\"}" \
         "{\"subdomain\":\"h1.example.com\",\"txt\":\"$V\",\"Txt\":\"$V\"}" \
         "{\"subdomain\":\"h1.example.com\",\"txt\":{\"v\":\"$V\"}}" \
         "{\"subdomain\":\"h1.example.com\",\"txt\":\"$V\"} x" \
         "{\"subdomain\":\"h1.example\\u002ecom\",\"txt\":\"$V\"}" \
         "{\"subdomain\":\"h1.example.com\",\"txt\":\"$V\"" \
         "{\"subdomain\":\"h1.example.com\",\"txt\":\"$V\",\"x\":\"$(printf 'a%.0s' $(seq 1100))\"}"; do
  upd "$b"
done
curl -sS -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$PORT/update"
same
echo '--- httpreq refusals: nothing written'
P="{\"fqdn\":\"$A.\",\"value\":\"$V\"}"
post /present "$P"
post /present "$P" -u "$A:wrong"
post /present "{\"fqdn\":\"h1.example.com.\",\"value\":\"$V\"}" -u "$A:$key"
post /present "{\"fqdn\":\"_acme-challenge.h2.example.com.\",\"value\":\"$V\"}" -u "$A:$key"
post /present "{\"fqdn\":\"$A.\",\"value\":\"a:b\"}" -u "$A:$key"
post /present "{\"fqdn\":\"$A.\",\"value\":\"a,b\"}" -u "$A:$key"
post /present "{\"domain\":\"h1.example.com\",\"token\":\"t\",\"keyAuth\":\"k\"}" -u "$A:$key"
post /cleanup 'x' -u "$A:$key"
same
echo '--- httpreq: at most 8 values a host'
echo "values: $(grep -c "^'_acme-challenge.h1" root/data.dyn)"
for i in 1 2 3 4 5 6; do post /present "{\"fqdn\":\"$A.\",\"value\":\"v$i\"}" -u "$A:$key" > /dev/null; done
post /present "{\"fqdn\":\"$A.\",\"value\":\"v7\"}" -u "$A:$key"
echo "values: $(grep -c "^'_acme-challenge.h1" root/data.dyn)"
echo '--- the key for challenges changes no address'
snap
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u "$A:$key"
same
echo '--- but the txt= route of dyndns2 is its too'
req1 "/nic/update?hostname=h1.example.com&action=del&txt=v6" -u "$A:$key"
echo '--- a full user uses the APIs as well'
post /present "{\"fqdn\":\"$A.\",\"value\":\"v9\"}" -u alice:alice-pw
echo '--- dyndns2 takes a form, never JSON'
post /nic/update '{"hostname":"h1.example.com"}' -u alice:alice-pw -H 'Content-Type: application/json'
echo '--- MAXPERHOUR counts these changes'
stopserver
startserver MAXPERHOUR=2
upd "{\"subdomain\":\"h1.example.com\",\"txt\":\"${V/g/J}\"}"
upd "{\"subdomain\":\"h1.example.com\",\"txt\":\"${V/g/K}\"}"
upd "{\"subdomain\":\"h1.example.com\",\"txt\":\"${V/g/L}\"}"
echo '--- the log'
grep -o 'tinydnsdyn: 127.0.0.1 .*' log | grep -v 'tinydnsdyn: 127.0.0.1 alice 200' | sed "s/$V/V/g"
grep -c "$key" log
notemp data.dyn.abuse
