# the HTTP side real clients rely on (../shared/PROTOCOL.md): HTTP/1.0
# and 1.1, Host with or without port or none, HEAD, 404, 405/501, query
# decoding (%xx both cases, '+'), ignored parameters, trailing dots and
# case in host names
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
:h2.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\002
EOF2
adduser alice alice-pw
startserver

AUTH=$(b64 alice:alice-pw)
raw() {  # raw VERSION TARGET [headers]: status line and body, one line
  printf 'GET %s HTTP/%s\r\n%bUser-Agent: t\r\nAuthorization: Basic %s\r\n\r\n' \
    "$2" "$1" "${3-}" "$AUTH" | rawreq > .raw.txt
  printf '%s | %s\n' "$(head -1 .raw.txt)" "$(rawbody | sed '/^\\ no newline/d' | paste -sd' ')"
}
Q='/nic/update?hostname=h1.example.com&myip=192.0.2'

echo '--- versions and Host'
raw 1.0 "$Q.10"
raw 1.1 "$Q.11" 'Host: 127.0.0.1\r\n'
raw 1.1 "$Q.12" "Host: 127.0.0.1:$PORT\r\nConnection: close\r\n"
raw 1.0 "$Q.13" 'Host: members.example.net\r\n'
raw 1.1 "http://127.0.0.1:$PORT$Q.14" "Host: 127.0.0.1:$PORT\r\n"
echo '--- HEAD'
printf 'HEAD %s HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: t\r\nAuthorization: Basic %s\r\n\r\n' \
  "$Q.15" "$AUTH" | rawreq
grep -c 'h1.example.com=good:192.0.2.15' log
echo '--- paths and methods'
snap
for p in /nic/update/ /nic /update /v3 /NIC/UPDATE /nic/update.php //nic/update; do
  printf '%s: ' "$p"
  req1 "$p?hostname=h1.example.com&myip=198.51.100.1" -u alice:alice-pw
done
for m in DELETE OPTIONS FOO get; do
  printf '%s: ' "$m"
  req "$Q.99" -u alice:alice-pw -X "$m" | head -1
done
same
echo '--- decoding'
req1 '/nic/update?hostname=h1.example.com%2Ch2.example.com&myip=198.51.100.2' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com%2ch2.example.com&myip=198.51.100.3' -u alice:alice-pw
req1 '/nic/update?host%6eame=h1%2Eexample%2ecom&my%69p=198%2e51%2E100%2e4' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&myip=2001%3ADB8%3a%3A4' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com+&myip=198.51.100.5' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&myip=+198.51.100.5' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.5%' -u alice:alice-pw
echo '--- ignored parameters'
req1 '/nic/update?system=dyndns&hostname=h1.example.com&myip=198.51.100.6&wildcard=ON&mx=mx.example.com&backmx=YES&foo=bar&offline=NO&x' -u alice:alice-pw
req1 '/nic/update?system=custom&hostname=h1.example.com&myip=198.51.100.6&wildcard=NOCHG&backmx=NO' -u alice:alice-pw
echo '--- names: case, trailing dot'
req1 '/nic/update?hostname=H1.Example.COM.,h2.example.com.&myip=198.51.100.7' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com..&myip=198.51.100.7' -u alice:alice-pw
req1 '/nic/update?hostname=.h1.example.com&myip=198.51.100.7' -u alice:alice-pw
showdyn
notemp
