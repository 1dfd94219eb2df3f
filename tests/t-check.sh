# tinydnsdyn-check: passes (exit 0, one ok line per check) on a service
# that tinydnsdyn-conf made and that runs; then each kind of breakage is
# made in turn, reported by a FAIL line with its fix (exit 100), and
# repaired by doing what the fix says, after which the check passes again.
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

SVCTOP=
trap 'lib_cleanup; [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"' EXIT
svcdir checktest
CHECK=$TOP/tinydnsdyn-check
D=$PWD/svc
R=$PWD/root

home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$D" "$R" 2>conf.err || die "conf: $(cat conf.err)"
echo "$port" > svc/env/PORT
echo '.example.com:127.0.0.1:a:259200' > root/data
printf '%s\n' '+home.example.com:192.0.2.1:60' '=nas.example.com:192.0.2.2:60' > root/data.dyn
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1) || die "make failed"
echo 'alice-pw' | home/bin/tinydnsdyn-passwd svc/passwd alice home.example.com

SVCPID=
startsvc() {
  (cd svc && exec ./run) >> svc.log 2>&1 &
  SVCPID=$!
  LIB_PIDS+=($SVCPID)
  svcup 200 || die "service did not start"
}
stopsvc() {
  kill "$SVCPID"; wait "$SVCPID" 2>/dev/null; lib_forget "$SVCPID"
}
check() {  # all: every line; else only the FAIL lines
  "$CHECK" "$D" > check.out 2>&1
  local rc=$?
  if [ "${1-}" = all ]; then
    sed "s|$PWD|CWD|g; s| port $port | port PORT |" check.out
  else
    grep -v "^ok: " check.out | sed "s|$PWD|CWD|g; s| port $port\([ :)?]\)| port PORT\1|g"
  fi
  echo "exit $rc"
}
startsvc

echo '--- usage'
"$CHECK"; echo "exit $?"
"$CHECK" "$PWD/root" | sed "s|$PWD|CWD|g"; echo "exit ${PIPESTATUS[0]}"

echo '--- a working service'
check all
ls /tmp | grep -c '^tinydnsdyn-check\.' | sed 's/^/scratch dirs left: /'
PORT=$port
req '/nic/update?hostname=home.example.com&myip=198.51.100.7' -u alice:alice-pw | paste -sd' '
check

echo '--- ROOT given to root'
chown root: root
check
chown tinydnsdyn: root
check | tail -1

echo '--- DATA given to root'
chown root: root/data.dyn
check
chown tinydnsdyn: root/data.dyn
check | tail -1

echo '--- PASSWD readable by all'
chmod 644 svc/passwd
check
chmod 600 svc/passwd
check | tail -1

echo '--- a lock file left by root'
chown root: root/data.dyn.lock
check
chown tinydnsdyn: root/data.dyn.lock
check | tail -1

echo '--- DATA missing'
mv root/data.dyn data.dyn.keep
check
mv data.dyn.keep root/data.dyn
check | tail -1

echo '--- PASSWD missing'
mv svc/passwd passwd.keep
check
# the fix, as it says
eval "$(sed -n 's/^FAIL: PASSWD .*: fix: \(install [^;]*\);.*/\1/p' check.out)"
stat -c '%U %a %s' svc/passwd
cat passwd.keep > svc/passwd
check | tail -1

echo '--- no Makefile in ROOT'
mv root/Makefile Makefile.keep
check
cp "$TOP/data.Makefile" root/Makefile   # the fix, as it says
check | tail -1
rm Makefile.keep

echo "--- Debian's Makefile, which ignores data.dyn"
cp root/Makefile Makefile.keep
printf 'data.cdb: data\n\t/usr/sbin/tinydns-data\n' > root/Makefile
check
cp Makefile.keep root/Makefile
check | tail -1

echo '--- a make that fails'
printf 'data.cdb: data data.dyn\n\tfalse\n' > root/Makefile
check
cp Makefile.keep root/Makefile
check | tail -1

echo '--- build/ left to root'
chown root: root/build
check
chown tinydnsdyn: root/build
check | tail -1

echo '--- a dynamic host also in data (served twice)'
echo '+nas.example.com:192.0.2.99' >> root/data
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1)
check
sed -i '/^+nas\.example\.com:/d' root/data
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1)
check | tail -1

echo '--- data.dyn changed without make'
sed -i 's/192\.0\.2\.2:/192.0.2.3:/' root/data.dyn
check
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1)
check | tail -1

echo '--- an AAAA line (bytes as \ooo or as themselves), then changed without make'
printf '%s\n' ':home.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000Aa:60' >> root/data.dyn
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1)
check all | grep 'host addresses'
sed -i 's/Aa:60$/\\101\\142:60/' root/data.dyn
check
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1)
check | tail -1

echo '--- rules edited, no make'
sleep 1.1
echo '# more' >> svc/rules
check
(cd svc && make >/dev/null)
check | tail -1

echo '--- the service stopped'
stopsvc
check
startsvc
check | tail -1

echo '--- behind a TLS front: PROXY="1" for 127.0.0.1 in rules'
cp svc/rules rules.keep
sed -i 's/^127\.0\.0\.1:allow$/127.0.0.1:allow,PROXY="1"/' svc/rules
grep '^127\.0\.0\.1:' svc/rules
(cd svc && make >/dev/null)
: > svc.log
check all | grep -e listener -e '^exit'
# the probe's line was taken: no 400 for a missing or unexpected PROXY
# line, one 401 from the address in the line
grep -c 'proxy-line' svc.log
grep '^tinydnsdyn: .* 401 ' svc.log
# an update through the front (curl sends the PROXY line stunnel would)
curl -s -m 10 --haproxy-protocol -u alice:alice-pw \
  "http://127.0.0.1:$port/nic/update?hostname=home.example.com&myip=198.51.100.9"

echo '--- behind the front, the service stopped'
stopsvc
check
cp rules.keep svc/rules
(cd svc && make >/dev/null)
startsvc
check | tail -1

echo '--- a listener that answers 400 to both probes'
stopsvc
tcpserver -RHl0 127.0.0.1 "$port" sh -c 'printf "HTTP/1.0 400 Bad Request\r\n\r\n"' 2>/dev/null &
BADPID=$!
LIB_PIDS+=($BADPID)
for ((i = 0; i < 100; i++)); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done
check
kill "$BADPID"; wait "$BADPID" 2>/dev/null; lib_forget "$BADPID"

echo '--- PROXY in env/ (for every client): a FAIL; the listener still answers'
echo 1 > svc/env/PROXY
(cd svc && exec ./run) >> svc.log 2>&1 &
SVCPID=$!
LIB_PIDS+=($SVCPID)
for ((i = 0; i < 200; i++)); do
  [ "$(curl -s -m 5 --haproxy-protocol -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nic/update")" = 401 ] && break
  sleep 0.1
done
check all | grep -e PROXY -e listener -e '^exit'
rm svc/env/PROXY   # the fix, as it says (rules are back as they were)
stopsvc
startsvc
check | tail -1
