# an injection corpus for hostname and myip: control bytes (encoded and
# raw), separators of the data format, overlong names, a 10,000-host
# request line, repeated and double-encoded parameters, UTF-8, dots,
# dashes, numeric tricks. After each request data.dyn must be byte for
# byte what it was (myip is always h1's present address, so even an
# accepted request has nothing to write), make must not run, and no
# evil.example.com record may appear. A last, good request shows that
# the checks see a change.
. "$TESTS/lib.sh"

mkroot <<'EOF'
+h1.example.com:192.0.2.1
=h2.example.com:192.0.2.2:300
+*.h3.example.com:192.0.2.3
EOF
countmakefile
adduser alice alice-pw
startserver
cp root/data.dyn orig.dyn
AUTH=$(b64 alice:alice-pw)
a63=$(printf 'a%.0s' $(seq 63))

# check: data.dyn as it was? any record for evil.example.com?
check() {
  local d=same
  cmp -s orig.dyn root/data.dyn || d=CHANGED
  case $(lookup evil.example.com a) in
    *'no answer') echo "$d" ;;
    *) echo "$d, evil.example.com HAS AN ANSWER" ;;
  esac
}

# enc LABEL QUERY: through curl, query as given (percent-encoded)
enc() {
  printf '%s: %s: ' "$1" "$(req1 "/nic/update?$2" -u alice:alice-pw)"
  check
}

# raw LABEL TARGET: printf format for the request target, sent as bytes
raw() {
  local st
  printf "GET $2 HTTP/1.0\r\nUser-Agent: t\r\nAuthorization: Basic %s\r\n\r\n" "$AUTH" | rawreq > /dev/null
  st=$(head -1 .raw.out | tr -d '\r' | awk '{print $2}')
  printf '%s: HTTP %s %s: ' "$1" "${st:-none}" "$(rawbody | tr -d '\r' | paste -sd' ')"
  check
}

H=hostname
M=myip=192.0.2.1
echo '--- hostname, encoded'
enc 'CR' "$H=h1.example.com%0D&$M"
enc 'LF' "$H=h1.example.com%0A&$M"
enc 'CRLF' "$H=h1.example.com%0D%0A&$M"
enc 'NUL' "$H=h1.example.com%00&$M"
enc 'NUL inside' "$H=h1%00.example.com&$M"
enc 'colon' "$H=h1.example.com%3A6.6.6.6&$M"
enc 'raw colon' "$H=h1.example.com:6.6.6.6&$M"
enc 'backslash' "$H=h1.example.com%5C012&$M"
enc 'hash' "$H=h1.example.com%23&$M"
enc 'space' "$H=h1.example.com%20&$M"
enc 'plus (space)' "$H=h1.example.com+&$M"
enc 'tab' "$H=h1.example.com%09&$M"
enc 'label of 64' "$H=${a63}a.example.com&$M"
enc 'name of 254' "$H=$a63.$a63.$a63.${a63:0:60}.x&$M"
enc 'injected line' "$H=h1.example.com%0A%2Bevil.example.com%3A6.6.6.6&$M"
enc 'injected line, lower hex' "$H=h1.example.com%0a%2bevil.example.com%3a6.6.6.6&$M"
enc 'double encoding' "$H=h1.example.com%250A%2Bevil.example.com%3A6.6.6.6&$M"
enc 'double encoding alone' "$H=h1.example.com%250A&$M"
enc 'UTF-8' "$H=h%C3%A9.example.com&$M"
enc 'UTF-8 overlong dot' "$H=h1%C0%AEexample.com&$M"
enc 'dot dot' "$H=h1..example.com&$M"
enc 'only dots' "$H=..&$M"
enc 'path traversal' "$H=..%2F..%2Fdata.dyn&$M"
enc 'leading dot' "$H=.h1.example.com&$M"
enc 'leading dash' "$H=-h1.example.com&$M"
enc 'dash at label end' "$H=h1-.example.com&$M"
enc 'wildcard' "$H=*.h3.example.com&$M"
enc 'equals line' "$H=%3Dh1.example.com&$M"
enc 'plus line' "$H=%2Bh1.example.com&$M"
enc 'comma list with an evil one' "$H=h1.example.com,evil.example.com%0A%2Bx&$M"
enc 'empty names in a list' "$H=h1.example.com,,&$M"
enc 'repeated, evil last' "$H=h1.example.com&$H=evil.example.com&$M"
enc 'repeated, h1 last' "$H=evil.example.com%0A&$H=h1.example.com&$M"
enc 'encoded parameter name' "host%6Eame=evil.example.com&$M"
enc 'empty' "$H=&$M"
enc 'absent' "$M"

echo '--- myip, encoded'
T=hostname=h1.example.com
enc 'CR' "$T&myip=192.0.2.1%0D"
enc 'LF' "$T&myip=192.0.2.1%0A"
enc 'NUL' "$T&myip=192.0.2.1%00"
enc 'colon' "$T&myip=192.0.2.1%3A300"
enc 'backslash' "$T&myip=192.0.2.1%5C"
enc 'hash' "$T&myip=192.0.2.1%23"
enc 'space' "$T&myip=192.0.2.1%20"
enc 'tab' "$T&myip=%09192.0.2.1"
enc 'injected line' "$T&myip=1.2.3.4%0A%2Bevil.example.com%3A6.6.6.6"
enc 'double encoding' "$T&myip=192.0.2.1%250A"
enc 'UTF-8 digit' "$T&myip=192.0.2.%EF%BC%91"
enc 'dot dot' "$T&myip=192.0..2.1"
enc 'leading dash' "$T&myip=-192.0.2.1"
enc '0x7f.1' "$T&myip=0x7f.1"
enc '127.1' "$T&myip=127.1"
enc '1.2.3.04' "$T&myip=1.2.3.04"
enc 'overlong' "$T&myip=192.0.2.$(printf '0%.0s' $(seq 300))1"
enc 'repeated, bad last' "$T&myip=192.0.2.1&myip=6.6.6.6%0A"
enc 'repeated, good last' "$T&myip=6.6.6.6%0A&myip=192.0.2.1"

echo '--- raw bytes in the request line'
raw 'hostname CR' "/nic/update?$M&$H=h1.example.com\r+evil.example.com:6.6.6.6"
raw 'hostname LF' "/nic/update?$M&$H=h1.example.com\n+evil.example.com:6.6.6.6"
raw 'hostname NUL' "/nic/update?$M&$H=h1.example.com\0evil"
raw 'hostname space' "/nic/update?$M&$H=h1.example.com +evil.example.com:6.6.6.6"
raw 'hostname tab' "/nic/update?$M&$H=h1.example.com\t+evil.example.com:6.6.6.6"
raw 'hostname backslash' "/nic/update?$M&$H=h1.example.com\\\\012+evil.example.com"
raw 'hostname UTF-8' "/nic/update?$M&$H=h\303\251.example.com"
raw 'hostname DEL' "/nic/update?$M&$H=h1.example.com\177"
raw 'myip LF' "/nic/update?$T&myip=192.0.2.1\n+evil.example.com:6.6.6.6"
raw 'myip NUL' "/nic/update?$T&myip=192.0.2.1\0"
raw 'myip tab' "/nic/update?$T&myip=192.0.2.1\t"

echo '--- many hostnames'
list() {  # list N: h1.example.com, N times, comma-separated
  printf 'h1.example.com%.0s,' $(seq "$1") | sed 's/,$//'
}
many() {  # many LABEL: the request on stdin
  local st
  st=$(rawstatus | paste -sd' ')
  printf '%s: %s: %s: ' "$1" "$st" "$(rawbody | tr -d '\r')"
  check
}
{ printf 'GET /nic/update?%s&%s=' "$M" "$H"; list 10000
  printf ' HTTP/1.0\r\nUser-Agent: t\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH"; } |
  many "10000 hostnames ($(list 10000 | wc -c) bytes)"
{ printf 'GET /nic/update?%s&%s=' "$M" "$H"; list 500
  printf ' HTTP/1.0\r\nUser-Agent: t\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH"; } |
  many "500 hostnames ($(list 500 | wc -c) bytes)"
{ printf 'GET /nic/update?%s' "$M"; printf '&hostname=h1.example.com%.0s' $(seq 10000)
  printf ' HTTP/1.0\r\nUser-Agent: t\r\nAuthorization: Basic %s\r\n\r\n' "$AUTH"; } |
  many '10000 hostname= parameters'
{ printf 'GET /nic/update?%s&%s=h1.example.com HTTP/1.0\r\nUser-Agent: t\r\nAuthorization: Basic %s\r\n' "$M" "$H" "$AUTH"
  printf 'X-Hostname: h1.example.com\r\n%.0s' $(seq 1000); printf '\r\n'; } |
  many '1000 header lines'

echo '--- after all of it'
settle
lookup evil.example.com a
lookup h1.example.com a
made
notemp
echo '--- control: a good request is seen'
enc 'good' "$T&myip=198.51.100.1"
lookup h1.example.com a
lookup evil.example.com a
made
