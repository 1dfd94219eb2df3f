# slowloris: clients that send one byte (or one header line) a second and
# never finish are answered 408 and closed TIMEOUT (3 s) after they
# connected, not TIMEOUT after their last byte (the deadline is absolute);
# meanwhile the server answers a normal client
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-hostile.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
startserver TIMEOUT=3
AUTH=$(b64 alice:alice-pw)

snap
# a byte a second, going on (for 40 s) after the request head
printf 'GET /nic/update?hostname=h1.example.com&myip=198.51.100.66 HTTP/1.0\r\nAuthorization: Basic %s\r\nX-Slow: ' "$AUTH" |
  hclient slow=1 forever hold=40 > bytes.out &
bytes=$!
# about a header line a second (a byte every 0.08 s): never finished either
perl -e 'print "GET /nic/update?hostname=h1.example.com&myip=198.51.100.67 HTTP/1.0\r\n";
         print "X-Line-$_: x\r\n" for 1..40' |
  hclient slow=0.08 hold=40 > lines.out &
lines=$!

sleep 0.5
echo '--- a normal client while the slow ones are connected'
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
if kill -0 $bytes 2>/dev/null && kill -0 $lines 2>/dev/null; then
  echo 'answered while both slow clients were still connected'
else
  echo 'a slow client was already gone when the answer came'
fi
snap

wait $bytes $lines
for c in bytes lines; do
  echo "--- slow client: $c"
  grep '^answer\|^no answer' $c.out
  within "$(sed -n 's/^closed //p' $c.out)" 15 2
  p=$(handler_of "$(sed -n 's/^port //p' $c.out)")
  if [ -n "$p" ] && grep -q "^tcpserver: end $p " log; then echo 'tcpserver: end logged'; else echo 'no tcpserver: end line'; fi
done
settle
same
grep -c '^tinydnsdyn: 127.0.0.1 - .*408 Request Timeout$' log | sed 's/$/ handlers logged 408/'
showdyn
