# paths other than /, /nic/update, /v3/update: 404; DELETE: 405; POST and
# PUT chunked: 411, with a body that is not a form: 415;
# unknown methods: 501; malformed request lines: 400; HEAD is GET without
# a body.  None of them writes anything. (POST and PUT that work:
# t-post.)
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
startserver

AUTH=$(b64 alice:alice-pw)
Q='hostname=h1.example.com&myip=192.0.2.10'
try() {  # try LABEL REQUEST-LINE [HEADER ...]
  printf '%s: ' "$1"
  { printf '%s\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\n' "$2" "$AUTH"
    shift 2
    [ $# -gt 0 ] && printf '%s\r\n' "$@"
    printf '\r\n'; } | rawstatus | paste -sd' '
}

snap
try '/foo' "GET /foo?$Q HTTP/1.0"
try '/nic/update/' "GET /nic/update/?$Q HTTP/1.0"
try '/nic' "GET /nic?$Q HTTP/1.0"
try '/nic/updatex' "GET /nic/updatex?$Q HTTP/1.0"
try '/v3/updatex' "GET /v3/updatex?$Q HTTP/1.0"
try '/v3' "GET /v3?$Q HTTP/1.0"
try '/index.html' "GET /index.html?$Q HTTP/1.0"
try '//' "GET //?$Q HTTP/1.0"
try '/nic/../nic/update' "GET /nic/../nic/update?$Q HTTP/1.0"
try '/NIC/UPDATE' "GET /NIC/UPDATE?$Q HTTP/1.0"
try 'POST chunked' "POST /nic/update?$Q HTTP/1.1" 'Host: 127.0.0.1' 'Transfer-Encoding: chunked'
try 'PUT text' "PUT /nic/update?$Q HTTP/1.0" 'Content-Type: text/plain' 'Content-Length: 5'
try 'DELETE' "DELETE /nic/update?$Q HTTP/1.0"
try 'FOO' "FOO /nic/update?$Q HTTP/1.0"
try 'BREW' "BREW /nic/update?$Q HTTP/1.1" 'Host: 127.0.0.1'
try 'no target' "GET"
try 'bad version' "GET /nic/update?$Q XTTP/1.0"
try 'four words' "GET /nic/update?$Q HTTP/1.0 x"
same
echo '--- HEAD'
snap
printf 'HEAD /nic/update?hostname=h1.example.com&myip=198.51.100.5 HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\n\r\n' "$AUTH" |
  rawstatus
echo "body bytes: $(rawbody | wc -c)"
same
showdyn
echo '--- HEAD, nochg'
snap
printf 'HEAD /nic/update?hostname=h1.example.com&myip=198.51.100.5 HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\n\r\n' "$AUTH" |
  rawstatus
echo "body bytes: $(rawbody | wc -c)"
same
echo '--- HEAD, bad path'
printf 'HEAD /foo HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\n\r\n' "$AUTH" | rawstatus
echo "body bytes: $(rawbody | wc -c)"
echo '--- the accepted paths'
req "/?hostname=h1.example.com&myip=192.0.2.11" -u alice:alice-pw
req "/nic/update?hostname=h1.example.com&myip=192.0.2.12" -u alice:alice-pw
req "/v3/update?hostname=h1.example.com&myip=192.0.2.13" -u alice:alice-pw
showdyn
