# POST and PUT: parameters in the query and/or an
# application/x-www-form-urlencoded body (or one without a type; no
# Content-Length is no body, chunked is 411; head and body within 8192
# bytes: 413; another type: 415), read within
# the deadline (408); a parameter in both places is repeated (badagent);
# GET and HEAD ignore a Content-Length that is no number (the seed did)
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF2
adduser alice alice-pw
startserver TIMEOUT=3

A=(-u alice:alice-pw)
echo '--- POST, all in the body (curl -d)'
req1 /nic/update "${A[@]}" -d 'hostname=h1.example.com&myip=192.0.2.10'
echo '--- PUT, all in the body'
req1 /nic/update "${A[@]}" -X PUT -d 'hostname=h1.example.com,h2.example.com&myip=192.0.2.11'
echo '--- POST, query and body'
req1 '/nic/update?hostname=h2.example.com' "${A[@]}" -d 'myip=192.0.2.12'
echo '--- POST, all in the query, empty body'
req1 '/v3/update?hostname=h2.example.com&myip=192.0.2.13' "${A[@]}" -X POST -H 'Content-Length: 0'
echo '--- PUT, empty body of another type'
req1 '/?hostname=h2.example.com&myip=192.0.2.14' "${A[@]}" -X PUT -H 'Content-Length: 0' -H 'Content-Type: application/json'
echo '--- no Content-Length, no Transfer-Encoding: no body (RFC 9112, 6.3)'
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.16' "${A[@]}" -X POST
req1 '/nic/update?hostname=h2.example.com&myip=192.0.2.17' "${A[@]}" -X PUT
echo '--- a body without Content-Type is read as a form'
req1 /nic/update "${A[@]}" -H 'Content-Type:' -d 'hostname=h1.example.com&myip=192.0.2.18'
echo '--- charset, encoded values, a newline at the end'
req1 /nic/update "${A[@]}" -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \
  --data-binary $'hostname=h1.example.com%2Ch2.example.com&myip=192.0.2.15\r\n'
showdyn
echo '--- refused'
snap
curl -sS -m 20 -D - -o /dev/null -X DELETE -u alice:alice-pw "http://127.0.0.1:$PORT/nic/update" |
  tr -d '\r' | grep -i '^HTTP/\|^allow:'

req1 '/nic/update?hostname=h1.example.com' "${A[@]}" -d 'hostname=h1.example.com&myip=192.0.2.20'
req1 /nic/update "${A[@]}" -H 'Content-Type: application/json' -d '{"hostname":"h1.example.com","myip":"192.0.2.20"}'
req1 /nic/update "${A[@]}" -H 'Content-Type: multipart/form-data; boundary=x' -d 'x'
req1 /nic/update "${A[@]}" -H 'Content-Type: text/plain' -d 'hostname=h1.example.com&myip=192.0.2.20'
req1 /nic/update "${A[@]}" -H 'Transfer-Encoding: chunked' -d 'hostname=h1.example.com&myip=192.0.2.20'
req1 /nic/update "${A[@]}" -d "hostname=h1.example.com&myip=192.0.2.20&pad=$(head -c 8100 /dev/zero | tr '\0' x)"
AUTH=$(b64 alice:alice-pw)
post() {  # post HEADERS... (then the body on stdin): the status
  { printf 'POST /nic/update HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\n' "$AUTH"
    printf '%s\r\n' "$@"
    printf '\r\n'
    cat; } | rawstatus | paste -sd' '
}
printf '' | post 'Content-Length: 5' 'Content-Length: 6' 'Content-Type: application/x-www-form-urlencoded'
printf '' | post 'Content-Length: -1' 'Content-Type: application/x-www-form-urlencoded'
printf '' | post 'Content-Length: 99999999999999999999' 'Content-Type: application/x-www-form-urlencoded'
echo '--- a body that stops short of its length (TIMEOUT=3)'
(printf 'POST /nic/update HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\nContent-Length: 40\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nhostname=h1' "$AUTH"
 sleep 6) | rawstatus | paste -sd' '
same
echo '--- a body sent in pieces, the head and the body in one write'
(printf 'POST /nic/update HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\nContent-Length: 39\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nhostname=h1.exa' "$AUTH"
 sleep 1; printf 'mple.com&myip=192.0.2.30') | rawreq | sed -n '1p;$p'
printf 'POST /nic/update HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\nContent-Length: 39\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nhostname=h2.example.com&myip=192.0.2.31' "$AUTH" |
  rawreq | sed -n '1p;$p'
showdyn
echo '--- GET and HEAD read no body: a Content-Length that is no number, or two that differ, is ignored there (400 only for POST and PUT)'
get() {  # get METHOD MYIP HEADERS...: the status and the body
  local m=$1 ip=$2
  shift 2
  { printf '%s /nic/update?hostname=h1.example.com&myip=%s HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t\r\n' "$m" "$ip" "$AUTH"
    printf '%s\r\n' "$@"
    printf '\r\n'; } | rawstatus | paste -sd' '
  rawbody
}
get GET 192.0.2.40 'Content-Length: abc'
get GET 192.0.2.41 'Content-Length: 0' 'Content-Length: 5'
get HEAD 192.0.2.42 'Content-Length: -1'
get DELETE 192.0.2.43 'Content-Length: x'
showdyn
grep -o 'tinydnsdyn: .*' log | grep -v '=good'
notemp
