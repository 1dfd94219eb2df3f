# two services on one ROOT with different DATA (data.dyn, data.two):
# their makes would both write data and tinydns-data's data.tmp (a
# data.cdb cut short or mixed); the build lock is one per ROOT
# (make.lock), so the makes run one after the other and both changes
# are served
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
EOF2
echo '+h2.example.com:192.0.2.2:300' > root/data.two
printf '%s\n' \
  'data.cdb: data.static data.dyn data.two' \
  '	echo start >> runs; sleep 2; echo end >> runs' \
  '	cat data.static data.dyn data.two > data' \
  '	/usr/sbin/tinydns-data' > root/Makefile
(cd root && make -s) >&2 || die "first make failed"
: > root/runs
adduser alice alice-pw

startserver TIMEOUT=20
P1=$PORT
S1=$SERVERPID
SERVERPID=   # keep it running: startserver would stop it
startserver TIMEOUT=20 DATA=data.two
P2=$PORT

req1 "http://127.0.0.1:$P1/nic/update?hostname=h1.example.com&myip=198.51.100.1" -u alice:alice-pw > .r1 &
r1=$!
sleep 0.5
req1 "http://127.0.0.1:$P2/nic/update?hostname=h2.example.com&myip=198.51.100.2" -u alice:alice-pw > .r2 &
r2=$!
wait $r1 $r2
cat .r1 .r2
echo "makes: $(tr '\n' ' ' < root/runs)" >&2
case $(tr '\n' ' ' < root/runs) in
  *'start start'*) echo "MAKES OVERLAPPED" ;;
  'start end '*) echo "makes one at a time" ;;
  *) echo "make did not run: $(cat root/runs)" ;;
esac
lookup h1.example.com a
lookup h2.example.com a
stopserver
SERVERPID=$S1
stopserver
