# the exact answer: HTTP/1.0 200 OK, Content-Type, Content-Length,
# Connection: close, CRLF line ends, a body of LF-ended lines; the server
# closes even when the client asks to keep the connection
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.10
EOF
adduser alice alice-pw
startserver

AUTH=$(b64 alice:alice-pw)
# status line, then the header lines sorted, then the rest as it came
shown() {
  local hdr
  hdr=$(sed -n '2,/^<CR>$/p' "$1" | sed '$d')
  head -1 "$1"
  printf '%s\n' "$hdr" | LC_ALL=C sort
  sed -n '/^<CR>$/,$p' "$1"
}

echo '--- HTTP/1.0'
printf 'GET /nic/update?hostname=h1.example.com&myip=192.0.2.10 HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH" |
  rawreq > a1
shown a1
echo '--- HTTP/1.1 keep-alive, two lines'
printf 'GET /nic/update?hostname=h1.example.com,h2.example.com&myip=192.0.2.10 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH" |
  rawreq > a2
shown a2
echo '--- header name in lower case, no space after the colon'
printf 'GET /nic/update?hostname=h2.example.com&myip=198.51.100.2 HTTP/1.0\r\nauthorization:Basic %s\r\n\r\n' "$AUTH" |
  rawreq > a3
shown a3
echo '--- request-level answer'
printf 'GET /nic/update?myip=198.51.100.2 HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH" |
  rawreq > a4
shown a4
echo '--- empty hostname'
req '/nic/update?hostname=&myip=198.51.100.2' -u alice:alice-pw
echo '--- no query at all'
req '/nic/update' -u alice:alice-pw
req '/nic/update?' -u alice:alice-pw
showdyn
