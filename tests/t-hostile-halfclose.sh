# half-closed sockets: a client that shuts its write side down after a
# whole request still gets the answer; one that shuts down before the
# request is complete gets 400 (or, having sent nothing, is just closed)
# and nothing is written; one that sends a request and closes at once
# still has its update made.  None of them waits for TIMEOUT.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-hostile.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF
adduser alice alice-pw
startserver TIMEOUT=30
AUTH=$(b64 alice:alice-pw)
request() {
  printf 'GET /nic/update?hostname=%s&myip=%s HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t-hostile\r\n\r\n' "$1" "$2" "$AUTH"
}
# client WORDS...: hclient, its facts made independent of timing (the
# server has TIMEOUT=30: closing within 15 s means it did not wait)
client() {
  hclient "$@" > c.out
  grep '^answer\|^no answer' c.out
  within "$(sed -n 's/^closed //p' c.out)" 15
}

echo '--- whole request, then shutdown(SHUT_WR)'
request h1.example.com 198.51.100.1 | client shutwr
showdyn
snap
echo '--- cut in the headers, then shutdown'
request h1.example.com 198.51.100.2 | client shutwr cut=80
echo '--- cut before the blank line, then shutdown'
request h1.example.com 198.51.100.3 | head -c -2 | client shutwr
echo '--- request line without its newline, then shutdown'
request h1.example.com 198.51.100.4 | head -1 | tr -d '\r\n' | client shutwr
echo '--- nothing, then shutdown'
client shutwr < /dev/null
settle
same
grep -c '^tinydnsdyn: 127.0.0.1 - .*400 Bad Request$' log | sed 's/$/ logged 400/'
grep -c '^tinydnsdyn: 127.0.0.1 - closed before a request$' log | sed 's/$/ logged closed before a request/'

echo '--- whole request, then close without reading'
request h2.example.com 198.51.100.5 | hclient noread hold=0 > c.out
p=$(handler_wait c.out)
[ -n "$p" ] && waitend "$p" 15 && echo 'handler ended within 15 s'
settle
showdyn
grep -c 'h2\.example\.com=good:198\.51\.100\.5' log | sed 's/$/ logged good/'
echo '--- the server still answers'
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
