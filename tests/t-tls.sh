# A TLS front: stunnel4 (protocol = proxy) on 127.0.0.1:443 forwards to
# tcpserver, whose rules set PROXY=1 for the front's address only. curl,
# ddclient (ssl=yes) and inadyn (ssl = true: 443 without a port in
# ddns-server, and a front on another port named there) update over TLS
# with a self-signed certificate;
# the client address the handler uses (myip fallback, log, failed-login
# delay) is the one from the PROXY line. Clients from an address without
# PROXY that send a PROXY line, a connection from the front's address
# without one, and a second (forged) PROXY line inside TLS get 400 and
# change nothing. Runs in a network namespace with only lo.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-tls.sh"
isolate

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF2
adduser alice alice-pw
mkcert
# CLIENTS.md's rules, plus a second local address allowed without PROXY
cat > rules <<'EOF2'
127.0.0.1:allow,PROXY="1"
127.0.0.2:allow
:deny
EOF2
startrulesserver AUTHDELAYMAX=3
startstunnel 443

tlsreq() {  # tlsreq SOURCEIP QUERY USER:PASS [curl args]: status and body
  local src=$1 q=$2 u=$3 out
  shift 3
  out=$(curl -sS -m 20 --cacert cert.pem --interface "$src" -u "$u" \
    -w '(HTTP %{http_code})' "$@" "https://127.0.0.1:$TLSPORT/nic/update?$q" 2>&1)
  echo "curl exit $?: $out" | tr '\n' ' ' | sed 's/ $//'
  echo
}

echo '--- over TLS from 127.0.0.5 without myip: its own address'
tlsreq 127.0.0.5 'hostname=h1.example.com' alice:alice-pw
echo '--- over TLS with myip'
tlsreq 127.0.0.5 'hostname=h2.example.com&myip=192.0.2.20' alice:alice-pw
echo '--- the certificate is checked: without the CA curl refuses'
out=$(curl -sS -m 20 -u alice:alice-pw \
  "https://127.0.0.1:$TLSPORT/nic/update?hostname=h2.example.com&myip=192.0.2.21" 2>&1)
echo "curl exit $?"
echo '--- wrong passwords: the delay counts per client address, not per front'
tlsreq 127.0.0.5 'hostname=h2.example.com&myip=192.0.2.22' alice:wrong
tlsreq 127.0.0.5 'hostname=h2.example.com&myip=192.0.2.22' alice:wrong
tlsreq 127.0.0.6 'hostname=h2.example.com&myip=192.0.2.22' alice:wrong
showdyn

ddconf() {  # ddconf [ssl_ca_file=...]
  ddclientconf ddclient.conf "$TLSPORT" ssl=yes "$1" "use=ip, ip=192.0.2.30" password=alice-pw \
    h1.example.com,h2.example.com
}
ddc() {
  rm -f ddclient.cache
  strace -f -qq -e trace=connect -o connects.txt \
    timeout 60 ddclient -daemon=0 -foreground -verbose -noquiet -force \
      -file ddclient.conf -cache ddclient.cache > dd.out 2>&1
  echo "ddclient exit $?"
  cat dd.out >&2
  grep -E '^(SUCCESS|FAILED|WARNING|FATAL): +updating ' dd.out |
    sed "s/  */ /g; s/ (.*//; s/127\.0\.0\.1:$TLSPORT/127.0.0.1:TLSPORT/" | sort
  echo "TLS connections: $(grep -c 'CONNECTED: *using SSL' dd.out)"
  echo "connects to: $(connects connects.txt | paste -sd' ' | grep . || echo nothing)"
}
snap
echo '--- ddclient 3.10, ssl=yes, without the CA: it refuses the certificate'
ddconf ''
ddc
same
echo '--- ddclient 3.10, ssl=yes, ssl_ca_file'
ddconf "ssl_ca_file=$PWD/cert.pem"
ddc
showdyn

inaconf() {  # inaconf [ca-trust-file = ...] [:PORT [ADDRESS]]
  cat > inadyn.conf <<EOF2
$1
custom tls {
  ssl = true
  username = alice
  password = alice-pw
  checkip-command = "echo ${3-192.0.2.35}"
  ddns-server = 127.0.0.1${2-}
  ddns-path = "/nic/update?hostname=%h&myip=%i"
  ddns-response = { "good", "nochg" }
  hostname = { "h1.example.com" }
}
EOF2
}
ina() {
  rm -rf cache
  mkdir cache
  strace -f -qq -e trace=connect -o connects.txt \
    timeout 60 inadyn -1 --force --foreground --no-pidfile -l debug \
      -f inadyn.conf --cache-dir="$PWD/cache" > ina.out 2>&1
  echo "inadyn exit $?"
  cat ina.out >&2
  grep -oE 'SSL handshake with .* failed: .*|Successful alias table update for .*' ina.out
  echo "connects to: $(connects connects.txt | paste -sd' ' | grep . || echo nothing)"
}
snap
echo '--- inadyn 2.10, ssl = true, without the CA: it refuses the certificate'
inaconf ''
ina
same
echo '--- inadyn 2.10, ssl = true, ca-trust-file'
inaconf "ca-trust-file = $PWD/cert.pem"
ina
showdyn
echo '--- inadyn 2.10, ssl = true, a front on another port named in ddns-server'
kill "$STUNNELPID"
wait "$STUNNELPID" 2>/dev/null
lib_forget "$STUNNELPID"
startstunnel
[ "$TLSPORT" != 443 ] || die "the second front got port 443"
inaconf "ca-trust-file = $PWD/cert.pem" ":$TLSPORT" 192.0.2.36
ina
grep -q "connecting to 127.0.0.1(\[127.0.0.1\]:$TLSPORT)" ina.out && echo 'to the port named'
showdyn

echo '--- plain HTTP from 127.0.0.2 (no PROXY there): works without a PROXY line'
req1 '/nic/update?hostname=h2.example.com&myip=192.0.2.31' -u alice:alice-pw --interface 127.0.0.2
snap
echo '--- ... and a PROXY line from there is a bad request'
req1 '/nic/update?hostname=h2.example.com&myip=192.0.2.40' -u alice:alice-pw --interface 127.0.0.2 --haproxy-protocol
same
echo '--- from the front address without a PROXY line: 400'
req1 '/nic/update?hostname=h2.example.com&myip=192.0.2.41' -u alice:alice-pw
same
echo '--- a second PROXY line inside TLS: 400'
{ printf 'PROXY TCP4 192.0.2.99 127.0.0.1 1234 443\r\n'
  agentreq '/nic/update?hostname=h2.example.com&myip=192.0.2.42' alice:alice-pw
} | tlsraw | head -1
tail -1 .tls.err
same
echo '--- the same request without the forged line goes through'
agentreq '/nic/update?hostname=h2.example.com&myip=192.0.2.43' alice:alice-pw |
  tlsraw | sed '1,/^<CR>$/d'
showdyn

echo '--- log'
serverlog
