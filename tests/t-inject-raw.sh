# raw bytes (CR, LF, NUL, space, tab, '#', '\', ':') in the request line
# are refused: a 4xx status, or notfqdn/badagent; nothing is written
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
startserver

AUTH=$(b64 alice:alice-pw)
try() {  # try LABEL TARGET-printf-format
  printf '%s: ' "$1"
  printf "GET $2 HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n" "$AUTH" | rawreq > /dev/null
  verdict
}

snap
try 'LF in hostname' '/nic/update?hostname=h1.example.com\n+evil.example.com:6.6.6.6&myip=192.0.2.10'
try 'CR in hostname' '/nic/update?hostname=h1.example.com\r+evil.example.com:6.6.6.6&myip=192.0.2.10'
try 'CRLF in hostname' '/nic/update?hostname=h1.example.com\r\n+evil.example.com:6.6.6.6&myip=192.0.2.10'
try 'NUL in hostname' '/nic/update?hostname=h1.example.com\0evil&myip=192.0.2.10'
try 'space in hostname' '/nic/update?hostname=h1.example.com +evil.example.com&myip=192.0.2.10'
try 'tab in hostname' '/nic/update?hostname=h1.example.com\t+evil.example.com&myip=192.0.2.10'
try 'backslash in hostname' '/nic/update?hostname=h1.example.com\\\\012+evil.example.com&myip=192.0.2.10'
try 'colon in hostname' '/nic/update?hostname=h1.example.com:6.6.6.6&myip=192.0.2.10'
try 'DEL in hostname' '/nic/update?hostname=h1.example.com\177&myip=192.0.2.10'
try 'high byte in hostname' '/nic/update?hostname=h1.example.com\351&myip=192.0.2.10'
try 'LF in myip' '/nic/update?hostname=h1.example.com&myip=192.0.2.10\n+evil.example.com:6.6.6.6'
try 'CR in myip' '/nic/update?hostname=h1.example.com&myip=192.0.2.10\r+evil.example.com:6.6.6.6'
try 'NUL in myip' '/nic/update?hostname=h1.example.com&myip=192.0.2.10\0'
try 'space in myip' '/nic/update?hostname=h1.example.com&myip=192.0.2.10 6.6.6.6'
try 'colon in myip' '/nic/update?hostname=h1.example.com&myip=192.0.2.10:300'
try 'backslash in myip' '/nic/update?hostname=h1.example.com&myip=192.0.2.10\\\\012'
same
lookup evil.example.com a
showdyn
notemp
echo '--- raw # is not a fragment marker for the server'
snap
try 'hash in hostname' '/nic/update?hostname=h1.example.com#x&myip=192.0.2.10'
try 'hash in myip' '/nic/update?hostname=h1.example.com&myip=192.0.2.10#x'
same
echo '--- control: the same request without the bad bytes'
printf 'GET /nic/update?hostname=h1.example.com&myip=198.51.100.10 HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH" | rawreq > /dev/null
rawbody
