# no User-Agent (or an empty one): badagent, after authentication, and
# nothing written; REQUIREAGENT=0 lets such clients update
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
EOF2
adduser alice alice-pw
startserver

U='/nic/update?hostname=h1.example.com&myip=192.0.2.10'
AUTH=$(b64 alice:alice-pw)
snap
echo '--- no User-Agent'
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\n\r\n' "$U" "$AUTH" | rawreq
echo '--- empty User-Agent'
printf 'GET %s HTTP/1.0\r\nUser-Agent:  \r\nAuthorization: Basic %s\r\n\r\n' "$U" "$AUTH" | rawreq | tail -1
echo '--- curl without one'
req "$U" -u alice:alice-pw -A ''
echo '--- no User-Agent, wrong password: badauth first'
printf 'GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "$U" "$(b64 alice:wrong)" | rawreq | sed -n '1p;$p'
same
echo '--- REQUIREAGENT=1 is the default'
startserver REQUIREAGENT=1
printf 'GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "$U" "$AUTH" | rawreq | tail -1
same
echo '--- any User-Agent will do'
printf 'GET %s HTTP/1.0\r\nuser-agent: x\r\nAuthorization: Basic %s\r\n\r\n' "$U" "$AUTH" | rawreq | tail -1
req "$U" -u alice:alice-pw
echo '--- REQUIREAGENT=0'
startserver REQUIREAGENT=0
printf 'GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "${U/.10/.11}" "$AUTH" | rawreq | tail -1
req "${U/.10/.12}" -u alice:alice-pw -A ''
showdyn
grep '^tinydnsdyn' log
