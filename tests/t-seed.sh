# the request forms real clients send: curl's seed URL with credentials,
# curl -u, ddclient's HTTP/1.1 request, inadyn's HTTP/1.0 request with
# lower-case escapes, OpenWrt's /v3/update
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF
adduser alice alice-pw
startserver

echo '--- seed URL'
req "http://alice:alice-pw@127.0.0.1:$PORT/?hostname=h1.example.com,h2.example.com&myip=192.0.2.10"
echo '--- seed URL, wrong password'
req "http://alice:nope@127.0.0.1:$PORT/?hostname=h1.example.com,h2.example.com&myip=192.0.2.10" |
  sed '/^\\ no newline/d'
echo '--- curl -u'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.11' -u alice:alice-pw
echo '--- ddclient 3.10'
printf 'GET /nic/update?system=dyndns&hostname=h1.example.com,h2.example.com&myip=192.0.2.12 HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nAuthorization: Basic %s\r\nUser-Agent: ddclient/3.10.0\r\nConnection: close\r\n\r\n' \
  "$PORT" "$(b64 alice:alice-pw)" | rawreq | sed -n '1p;/^<CR>$/,$p'
echo '--- inadyn 2.10'
printf 'GET /nic/update?hostname=h2.example.com%%2ch1.example.com&myip=192.0.2.13 HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\nUser-Agent: inadyn/2.10.0 https://github.com/troglobit/inadyn/issues\r\n\r\n' \
  "$(b64 alice:alice-pw)" | rawreq | sed -n '1p;/^<CR>$/,$p'
echo '--- OpenWrt /v3/update'
req '/v3/update?hostname=h2.example.com&myip=192.0.2.14' -u alice:alice-pw
showdyn
