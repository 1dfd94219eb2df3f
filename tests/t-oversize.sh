# request line over 8192 bytes: 414; headers over 8192 bytes: 431; the
# connection is closed and nothing is written
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
startserver

AUTH=$(b64 alice:alice-pw)
U='/nic/update?hostname=h1.example.com&myip=192.0.2.10'
fill() { head -c "$1" /dev/zero | tr '\0' "${2:-a}"; }

snap
echo '--- one 9000-byte header'
{ printf 'GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\nX-Fill: ' "$U" "$AUTH"
  fill 9000; printf '\r\n\r\n'; } | rawstatus
echo '--- 300 small headers'
{ printf 'GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\n' "$U" "$AUTH"
  for i in $(seq 300); do printf 'X-H%03d: 0123456789012345678901234567890\r\n' $i; done
  printf '\r\n'; } | rawstatus
echo '--- 9000-byte request line'
{ printf 'GET %s&x=' "$U"; fill 9000; printf ' HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH"; } |
  rawstatus
echo '--- 9000-byte hostname'
{ printf 'GET /nic/update?myip=192.0.2.10&hostname='; fill 9000; printf ' HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH"; } |
  rawstatus
echo '--- 200000 bytes without a newline'
{ printf 'GET %s&x=' "$U"; fill 200000; } | rawstatus
echo '--- 200000 bytes of header without end'
{ printf 'GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\n' "$U" "$AUTH"; fill 200000 x; } | rawstatus
settle
same
notemp
echo '--- control: 7000 bytes of headers are fine'
{ printf 'GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\nX-Fill: ' "$U" "$AUTH"
  fill 7000; printf '\r\n\r\n'; } | rawstatus
rawbody
showdyn
