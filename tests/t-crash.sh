# kill -9 of handlers at random points (reading, writing the temporary
# file, renaming, during make): data.dyn is always the old or the new
# file, never a mix; no lock stays behind to block the next request;
# temporary files left by the dead are cleaned by the next writer; a
# change whose make was killed is published by the next request.
. "$TESTS/lib.sh" || exit 1

{
  for ((i = 1; i <= 50000; i++)); do echo "+f$i.example.com:192.0.2.1:300"; done
  echo '+h1.example.com:192.0.2.1:300'
} | mkroot
adduser alice alice-pw
startserver

handlers() { pgrep -P "$SERVERPID"; }

echo '--- kill -9 at random points of 20 updates'
bad=0
cp root/data.dyn prev.dyn
for ((k = 1; k <= 20; k++)); do
  ip=198.51.100.$k
  curl -sS -m 60 -u alice:alice-pw \
    "http://127.0.0.1:$PORT/nic/update?hostname=h1.example.com&myip=$ip" > /dev/null 2>&1 &
  cpid=$!
  sleep 0.0$((RANDOM % 10))$((RANDOM % 10))
  for p in $(handlers); do
    pkill -KILL -P "$p" 2>/dev/null   # its make, if any
    kill -KILL "$p" 2>/dev/null
  done
  wait "$cpid" 2>/dev/null
  settle
  if ! cmp -s root/data.dyn prev.dyn; then
    # not the old file: it must be exactly the old file with h1's
    # address changed to this round's
    sed "s/^+h1\.example\.com:.*:300\$/+h1.example.com:$ip:300/" prev.dyn > want
    if ! cmp -s root/data.dyn want; then
      echo "round $k: data.dyn broken: $(wc -l < root/data.dyn) lines, last '$(tail -1 root/data.dyn)'"
      bad=$((bad + 1))
    fi
    cp root/data.dyn prev.dyn
  fi
  grep -vc '^+f[0-9]*.example.com:192.0.2.1:300$' root/data.dyn | grep -qx 1 ||
    { echo "round $k: unexpected lines"; bad=$((bad + 1)); }
done
echo "broken data files: $bad"
ls root | grep -c '\.tmp\.' > tmpcount
echo "--- the next update works at once (no stale lock), cleans old temps"
: > root/data.dyn.tmp.99999.1
: > root/data.dyn.abuse.tmp.99999.1
: > root/data.dyn.authfail.tmp.99999.1
: > root/data.dyn.keep.tmp.1   # not one of the handler's: stays
req '/nic/update?hostname=h1.example.com&myip=192.0.2.77' -u alice:alice-pw -m 30
lookup h1.example.com a
notemp data.dyn.keep.tmp.1
ls root | grep -c keep; rm root/data.dyn.keep.tmp.1
echo "(temporary files before: $(cat tmpcount))" >&2

echo '--- make killed after the rename'
# a make that waits: the handler is killed, with its make, while it runs
printf '%s\n' \
  'data.cdb: data' \
  '	test -e slow && sleep 30 || true' \
  '	/usr/sbin/tinydns-data' \
  'data: data.static data.dyn' \
  '	cat data.static data.dyn > data.new' \
  '	mv data.new data' > root/Makefile
touch root/slow
curl -sS -m 60 -u alice:alice-pw \
  "http://127.0.0.1:$PORT/nic/update?hostname=h1.example.com&myip=192.0.2.88" > crash.out 2>/dev/null &
cpid=$!
for ((i = 0; i < 300; i++)); do pgrep -f '^sleep 30$' > /dev/null && break; sleep 0.1; done
# the handler and everything under it (its make's watchdog, make, what
# make ran), all at once: nothing may publish the change
tree() { local c; for c in $(pgrep -P "$1"); do tree "$c"; done; echo "$1"; }
victims=$(for h in $(handlers); do tree "$h"; done)
kill -STOP $victims 2>/dev/null
kill -KILL $victims 2>/dev/null
pkill -KILL -f '^sleep 30$'
wait "$cpid" 2>/dev/null
echo "client got: $(cat crash.out | tr '\n' ' ')"
grep '^+h1' root/data.dyn
lookup h1.example.com a
rm root/slow
echo '--- the same request again: nochg, and only once it is served'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.88' -u alice:alice-pw -m 30
lookup h1.example.com a
notemp
