# A client set to HTTPS that reaches the plain HTTP port (no TLS front):
# curl with an https:// URL, inadyn 2.10 with its default ssl = true,
# ddclient 3.10 with ssl=yes. The handler sees a TLS handshake record
# (first byte 0x16), answers 400 at once and logs tls-handshake; each
# client fails within seconds with its TLS library's error, where it
# used to wait the whole TIMEOUT for a request line that never comes
# (408). Nothing changes. Runs in a network namespace with only lo.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
isolate

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
EOF2
adduser alice alice-pw
startserver TIMEOUT=60
snap

echo '--- curl https:// to the plain port'
curl -sS -m 10 -u alice:alice-pw \
  "https://127.0.0.1:$PORT/nic/update?hostname=h1.example.com&myip=192.0.2.10" 2> curl.err
echo "curl exit $?"
cat curl.err >&2

echo '--- inadyn 2.10 without ssl = false'
cat > inadyn.conf <<EOF2
custom plain {
  username = alice
  password = alice-pw
  checkip-command = "echo 192.0.2.11"
  ddns-server = 127.0.0.1:$PORT
  ddns-path = "/nic/update?hostname=%h&myip=%i"
  ddns-response = { "good", "nochg" }
  hostname = { "h1.example.com" }
}
EOF2
mkdir cache
timeout 10 inadyn -1 --force --foreground --no-pidfile -l debug -f inadyn.conf \
  --cache-dir="$PWD/cache" > ina.out 2>&1
echo "inadyn exit $?"
cat ina.out >&2
grep -o 'SSL handshake with .* failed: .*' ina.out

echo '--- ddclient 3.10 with ssl=yes'
ddclientconf ddclient.conf "$PORT" ssl=yes "use=ip, ip=192.0.2.12" password=alice-pw h1.example.com
timeout 10 ddclient -daemon=0 -foreground -verbose -noquiet -force -timeout=8 \
  -file ddclient.conf -cache ddclient.cache > dd.out 2>&1
echo "ddclient exit $?"
cat dd.out >&2
grep -o '^FAILED: *updating [^:]*: Could not connect' dd.out | sed 's/  */ /g'

echo '--- nothing changed'
same
settle
grep "^tinydnsdyn: " log
