# The whole operator path: make setup check into a temporary conf-home,
# tinydnsdyn-conf with the service accounts, tinydnsdyn-passwd, then
# supervise runs the service (and its log) unchanged except for the port;
# curl updates a host, the rules keep other addresses out, the log gets
# the lines, and svc -dx stops everything
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

SUPPIDS=()
SVCTOP=
service_cleanup() {
  if [ ${#SUPPIDS[@]} -gt 0 ]; then
    svc -dx "$SVCTOP/svc" "$SVCTOP/svc/log" 2>/dev/null
    reappids "${SUPPIDS[@]}"
  fi
  lib_cleanup
  [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"
}
trap service_cleanup EXIT

svcdir service

echo '--- set up'
home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" 2>conf.err
echo "conf exit $?"
sed "s|$PWD|CWD|g" svc/run | grep tcpserver
echo "$port" > svc/env/PORT
cat > data/data <<'EOF'
.example.com:127.0.0.1:a:259200
EOF
cat > data/data.dyn <<'EOF'
+home.example.com:192.0.2.1:60
EOF
echo 'alice-pw' | home/bin/tinydnsdyn-passwd svc/passwd alice home.example.com
echo "passwd exit $?; $(stat -c '%U %a' svc/passwd)"

echo '--- supervise'
mkfifo logpipe
supervise svc/log < logpipe & SUPPIDS+=($!)
supervise svc > logpipe 2>&1 & SUPPIDS+=($!)
for ((i = 0; i < 200; i++)); do
  svstat svc/log 2>/dev/null | grep -q ': up ' && break
  sleep 0.1
done
svcup 200 && echo "service answers"
svstat svc svc/log | sed "s|$PWD|CWD|g; s/ (pid [0-9]*) [0-9]* seconds$//"

echo '--- update'
PORT=$port
req '/nic/update?hostname=home.example.com&myip=198.51.100.7' -u alice:alice-pw
req '/nic/update?hostname=home.example.com&myip=198.51.100.8' -u alice:wrong
code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' --interface 127.0.0.2 -u alice:alice-pw \
  "http://127.0.0.1:$port/nic/update?hostname=home.example.com&myip=198.51.100.9")
echo "from 127.0.0.2: HTTP status ${code:-none} (000: no answer)"
cat data/data.dyn
stat -c '%n %U' data/data.dyn data/data.cdb
(cd data && tinydns-get a home.example.com) | grep '^answer:'

echo '--- stop'
svc -dx svc svc/log
if ! pidsgone 200 "${SUPPIDS[@]}"; then
  echo "STILL RUNNING"
else
  echo "supervise, tcpserver and multilog stopped"
  SUPPIDS=()
fi
curl -s -m 5 "http://127.0.0.1:$port/" >/dev/null
echo "curl after stop: exit $?"

echo '--- log'
stat -c '%n %U' svc/log/main/current
sed 's/^@[0-9a-f]\{24\} //' svc/log/main/current > log.txt
grep '^tinydnsdyn:' log.txt
# ucspi-tcp-ipv6's tcpserver writes the address as ::ffff:127.0.0.2
grep -c '^tcpserver: deny .* :\(::ffff:\)\{0,1\}127\.0\.0\.2::' log.txt
grep -c '^tcpserver: status: ' log.txt >/dev/null && echo "tcpserver status lines logged"
