# a make that hangs (issue #12): the client hears 911 at TIMEOUT, not
# never; its handler leaves, freeing its tcpserver slot; no second make
# starts while the first runs (the build lock stays with it); the hung
# make, with all it started, is ended after MAKETIMEOUT (TERM, then
# KILL), so the service recovers by itself once the Makefile is fixed.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
EOF2
# "hang": sleep; "hard": and ignore TERM, so only KILL ends it
printf '%s\n' \
  'data.cdb: data' \
  '	echo start >> made' \
  '	if test -e hard; then trap "" TERM; sleep 1000; fi' \
  '	if test -e hang; then sleep 1000; fi' \
  '	/usr/sbin/tinydns-data' \
  'data: data.static data.dyn' \
  '	cat data.static data.dyn > data.new' \
  '	mv data.new data' > root/Makefile
adduser alice alice-pw
startserver TIMEOUT=4 MAKETIMEOUT=15
starttinydns
marker

for kind in hang hard; do
  echo "--- make hangs ($kind)"
  rm -f root/made
  keepold
  touch root/$kind
  treq 6 "/nic/update?hostname=h1.example.com&myip=198.51.100.1" -u alice:alice-pw
  oldornew <(withip 198.51.100.1 h1.example.com)
  sleep 2
  echo "tcpserver $(grep '^tcpserver: status: ' log | tail -1 | cut -d' ' -f3) (the handler has left)"
  echo "sleeping makes: $(inroot sleep)"
  echo '--- meanwhile another change: 911 in time, and no second make'
  treq 6 "/nic/update?hostname=h2.example.com&myip=198.51.100.2" -u alice:alice-pw
  made
  echo '--- the hung make is ended after MAKETIMEOUT'
  waitnone sleep 30
  waitnone make 5
  rm root/$kind
  echo '--- recovered'
  recovers h1.example.com 198.51.100.1
  recovers h2.example.com 198.51.100.2
  # back to the old addresses for the next round
  recovers h1.example.com 192.0.2.1 > /dev/null
  recovers h2.example.com 192.0.2.2 > /dev/null
done
settle
echo "logged: $(grep -c 'fatal: no result from make within \$TIMEOUT' log)"
stopserver

echo '--- by default MAKETIMEOUT is 5 times TIMEOUT (TIMEOUT=2: 10 s)'
startserver TIMEOUT=2
touch root/hang
t0=$(ms)
treq 4 "/nic/update?hostname=h1.example.com&myip=198.51.100.1" -u alice:alice-pw
waitnone sleep 30
el=$(( $(ms) - t0 ))
echo "ended after $el ms" >&2
[ $el -ge 9000 ] && echo "not before 10 s" || echo "TOO EARLY: $el ms"
rm root/hang
recovers h1.example.com 198.51.100.1
stopserver

echo '--- a bad MAKETIMEOUT'
for v in 0 x 604801; do
  startserver MAKETIMEOUT=$v
  req1 "/nic/update?hostname=h1.example.com&myip=198.51.100.1" -u alice:alice-pw
  stopserver
done
echo "logged: $(grep -c 'fatal: \$MAKETIMEOUT is not a number in its range' log)"
notemp made
outside
