# tinydnsdyn-check: passes (exit 0, one ok line per check) on a service
# that tinydnsdyn-conf made and that runs (runsv, its log through
# multilog), beside a tinydns service directory laid out as djbdns and
# Debian lay it out (TD/env/IP, TD/root), whose tinydns runs; then each
# kind of breakage is made in turn, reported by a FAIL line with its fix
# (exit 100) or by a warning, and repaired, where the fix is a command,
# by running the command it names, after which the check passes again.
# In a sandbox (lib-ops.sh): tinydns is linked into /etc/service there,
# and /usr/bin/daemon can be hidden.
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"
sandbox

RUNSVPID=
SVCTOP=
check_cleanup() {
  if [ -n "$RUNSVPID" ]; then
    sv -w 10 force-stop "$SVCTOP/svc" "$SVCTOP/svc/log" >/dev/null 2>&1
    sv exit "$SVCTOP/svc" "$SVCTOP/svc/log" >/dev/null 2>&1
    reappids "$RUNSVPID"
  fi
  lib_cleanup
  [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"
}
trap check_cleanup EXIT
svcdir checktest
CHECK=$TOP/tinydnsdyn-check
D=$PWD/svc
TD=$PWD/tinydns
R=$TD/root
mkdir -p "$TD/env"

home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$D" "$R" 2>conf.err || die "conf: $(cat conf.err)"
echo "$port" > svc/env/PORT
echo '.example.com:127.0.0.1:a:259200' > "$R/data"
printf '%s\n' '+home.example.com:192.0.2.1:60' '+nas.example.com:192.0.2.2:60' > "$R/data.dyn"
remake() { (cd "$R" && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1) || die "make failed"; }
remake
echo 'alice-pw' | home/bin/tinydnsdyn-passwd svc/passwd alice home.example.com

# tinydns, on the address in TD/env/IP; started at boot from /etc/service
starttinydns "$R"
echo "$DNSIP" > "$TD/env/IP"
ln -s "$TD" /etc/service/tinydns
# dnsstart [ROOT]: tinydns again on the same address
dnsstart() {
  env -i PATH="$PATH" IP="$DNSIP" ROOT="${1:-$R}" UID=0 GID=0 tinydns > tinydns.log 2>&1 &
  DNSPID=$!
  LIB_PIDS+=("$DNSPID")
  dnsup() { dig +time=1 +tries=1 +norec "@$DNSIP" example.com SOA > /dev/null 2>&1; }
  waitfor dnsup
}
dnsstop() {
  kill "$DNSPID"; wait "$DNSPID" 2>/dev/null; lib_forget "$DNSPID"
}

# the service under runsv, its log in svc/log/main/current
runsv svc > runsv.out 2>&1 &
RUNSVPID=$!
svcup 300 || die "service did not start"
svcdown() { sv -w 30 down "$D" > /dev/null; }
svcstart() { sv -w 30 up "$D" > /dev/null; svcup 300 || die "service did not start again"; }
logged() { sed 's/^@[0-9a-f]\{24\} //' svc/log/main/current; }

show() {
  sed "s|$PWD|CWD|g; s| port $port\([ :)?]\)| port PORT\1|g; s|$DNSIP|DNSIP|g" |
    sed 's/tinydnsdyn-check\.[0-9]*\.[0-9]*\.[0-9a-f]*/NONCE/g'
}
mkdir scratch && chmod 755 scratch
check() {  # all: every line; else only the FAIL and warning lines
  TMPDIR=$PWD/scratch "$CHECK" "$D" > check.out 2>&1
  local rc=$?
  if [ "${1-}" = all ]; then
    show < check.out
  else
    grep -v "^ok: " check.out | show
  fi
  echo "exit $rc"
}
# fix: runs the command after "fix: " on the FAIL line that matches $1
fix() {
  local cmd
  cmd=$(grep -m 1 "^FAIL: .*$1" check.out | sed 's/.*: fix: //')
  echo "running the fix: $(echo "$cmd" | show)"
  sh -c "$cmd" || echo "the fix failed"
}

echo '--- usage'
"$CHECK"; echo "exit $?"
"$CHECK" "$R" | show; echo "exit ${PIPESTATUS[0]}"

echo '--- a working service'
check all
ls scratch | grep -c '^tinydnsdyn-check\.' | sed 's/^/scratch dirs left: /'

echo '--- an update (the handler writes data.dyn.status, readable by its group)'
PORT=$port
req '/nic/update?hostname=home.example.com&myip=198.51.100.7' -u alice:alice-pw | paste -sd' '
stat -c '%a' "$R/data.dyn.status"
check
echo "log: $(logged | grep -c ' - /tinydnsdyn-check\.[0-9.a-f]* 404 Not Found') check requests"

echo '--- ROOT given to root'
chown root: "$R"
check
chown tinydnsdyn: "$R"
check | tail -1

echo '--- ROOT writable by all (mode 1777), then closed to tinydns (mode 700)'
chmod 1777 "$R"
check
fix 'ROOT'
chmod 700 "$R"
check
fix 'ROOT'
check | tail -1

echo '--- DATA given to root, then writable by all'
chown root: "$R/data.dyn"
check
chown tinydnsdyn: "$R/data.dyn"
chmod 666 "$R/data.dyn"
check
fix 'DATA'
check | tail -1

echo '--- PASSWD readable by all'
chmod 644 svc/passwd
check
fix 'PASSWD'
check | tail -1

echo '--- a lock file left by root, a state file others may write, the build lock open to others'
chown root: "$R/data.dyn.lock"
chmod 662 "$R/data.dyn.status"
chmod 644 "$R/make.lock"
check
fix 'data.dyn.lock'
fix 'data.dyn.status'
fix 'make.lock'
check | tail -1

echo '--- DATA missing'
mv "$R/data.dyn" data.dyn.keep
check
mv data.dyn.keep "$R/data.dyn"
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
mv "$R/Makefile" Makefile.keep
check
cp "$TOP/data.Makefile" "$R/Makefile"   # the fix, as it says
check | tail -1
rm Makefile.keep

echo "--- Debian's Makefile, which ignores data.dyn"
cp "$R/Makefile" Makefile.keep
printf 'data.cdb: data\n\t/usr/sbin/tinydns-data\n' > "$R/Makefile"
check
cp Makefile.keep "$R/Makefile"
check | tail -1

echo '--- a make that fails'
printf 'data.cdb: data data.dyn\n\tfalse\n' > "$R/Makefile"
check
cp Makefile.keep "$R/Makefile"
check | tail -1

echo '--- build/ left to root'
chown root: "$R/build"
check
chown tinydnsdyn: "$R/build"
check | tail -1

echo '--- a dynamic host also in data (served twice)'
echo '+nas.example.com:192.0.2.99' >> "$R/data"
remake
check
sed -i '/^+nas\.example\.com:/d' "$R/data"
remake
check | tail -1

echo '--- data.dyn changed without make'
sed -i 's/192\.0\.2\.2:/192.0.2.3:/' "$R/data.dyn"
check
fix 'nas.example.com'
check | tail -1

echo '--- an AAAA line (bytes as \ooo or as themselves), then changed without make'
printf '%s\n' ':home.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000Aa:60' >> "$R/data.dyn"
remake
check all | grep 'host addresses'
sed -i 's/Aa:60$/\\101\\142:60/' "$R/data.dyn"
check
remake
check | tail -1

echo '--- a host in no zone of data'
echo '+gw.example.net:192.0.2.9:60' >> "$R/data.dyn"
remake
check
sed -i '/^+gw\.example\.net:/d' "$R/data.dyn"
remake
check | tail -1

echo '--- TTLs of a day, or none (86400)'
sed -i 's/^+home\.example\.com:\([^:]*\):60$/+home.example.com:\1:86400/; s/^+nas\.example\.com:\([^:]*\):60$/+nas.example.com:\1/' "$R/data.dyn"
remake
check
sed -i 's/^+home\.example\.com:\([^:]*\):86400$/+home.example.com:\1:60/; s/^+nas\.example\.com:\([^:]*\)$/+nas.example.com:\1:60/' "$R/data.dyn"
remake
check | tail -1

echo '--- an = line whose PTR no zone serves, then one whose PTR is served'
sed -i 's/^+nas\./=nas./' "$R/data.dyn"
remake
check
echo '.2.0.192.in-addr.arpa:127.0.0.1:a:259200' >> "$R/data"
remake
check | tail -1
sed -i '/in-addr\.arpa/d' "$R/data"
sed -i 's/^=nas\./+nas./' "$R/data.dyn"
remake

echo '--- rules edited, no make'
sleep 1.1
echo '# more' >> svc/rules
check
fix 'rules'
check | tail -1

echo '--- tinydns stopped'
dnsstop
check
dnsstart
check | tail -1

echo '--- tinydns serving another root'
dnsstop
mkdir other
{ cat "$R/data"; echo '+home.example.com:192.0.2.50:60'; } > other/data
(cd other && tinydns-data)
dnsstart "$PWD/other"
check
dnsstop
dnsstart
check | tail -1

echo "--- Debian's tinydns under runit: invoke-run, settings in conf/"
mv "$TD/env" "$TD/conf"
printf '#!/usr/bin/env /lib/runit/invoke-run\nexec 2>&1\nexec chpst -Utinydns /usr/sbin/tinydns\n' > "$TD/run"
mkdir "$TD/supervise" && mkfifo "$TD/supervise/ok"
check
fix 'env/'
echo "env -> $(readlink "$TD/env")"
check | tail -1
# without the daemon package
mount --bind /dev/null /usr/bin/daemon
check
umount /usr/bin/daemon
check | tail -1
rm "$TD/env" "$TD/run"
rm -r "$TD/supervise"
mv "$TD/conf" "$TD/env"

echo '--- tinydns not started at boot'
rm /etc/service/tinydns
check
ln -s "$TD" /etc/service/tinydns

echo '--- the service stopped'
svcdown
check
svcstart
check | tail -1

echo '--- behind a TLS front: PROXY="1" for 127.0.0.1 in rules'
cp svc/rules rules.keep
sed -i 's/^127\.0\.0\.1:allow$/127.0.0.1:allow,PROXY="1"/' svc/rules
grep '^127\.0\.0\.1:' svc/rules
(cd svc && make >/dev/null)
n=$(logged | wc -l)
check all | grep -e listener -e '^exit'
# the probe's line was taken: no 400 for a missing or unexpected PROXY
# line, one 404 from the address in the line
logged | tail -n +$((n + 1)) > log.new
grep -c 'proxy-line' log.new
grep '^tinydnsdyn: .* 404 ' log.new | show
# an update through the front (curl sends the PROXY line stunnel would)
curl -s -m 10 --haproxy-protocol -u alice:alice-pw \
  "http://127.0.0.1:$port/nic/update?hostname=home.example.com&myip=198.51.100.9"
check

echo '--- behind the front, the service stopped'
svcdown
check
cp rules.keep svc/rules
(cd svc && make >/dev/null)
svcstart
check | tail -1

echo '--- a listener that answers 400 to both probes'
svcdown
tcpserver -RHl0 127.0.0.1 "$port" sh -c 'printf "HTTP/1.0 400 Bad Request\r\n\r\n"' 2>/dev/null &
BADPID=$!
LIB_PIDS+=($BADPID)
for ((i = 0; i < 100; i++)); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done
check
kill "$BADPID"; wait "$BADPID" 2>/dev/null; lib_forget "$BADPID"

echo '--- another tinydnsdyn on the port'
home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$PWD/svc2" "$PWD/root2" 2>conf2.err || die "conf: $(cat conf2.err)"
echo "$port" > svc2/env/PORT
(cd svc2 && exec ./run) > svc2.log 2>&1 &
SVC2PID=$!
LIB_PIDS+=($SVC2PID)
svcup 200 || die "the second service did not start"
check
grep -c ' - /tinydnsdyn-check\.[0-9.a-f]* 404 Not Found' svc2.log | sed 's/$/ check request in the other service'"'"'s log/'
kill "$SVC2PID"; wait "$SVC2PID" 2>/dev/null; lib_forget "$SVC2PID"
svcstart
check | tail -1

echo '--- PROXY in env/ (for every client): a FAIL; the listener still answers'
echo 1 > svc/env/PROXY
sv -w 30 restart "$D" > /dev/null
for ((i = 0; i < 200; i++)); do
  [ "$(curl -s -m 5 --haproxy-protocol -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nic/update")" = 401 ] && break
  sleep 0.1
done
check all | grep -e PROXY -e listener -e '^exit'
rm svc/env/PROXY   # the fix, as it says (rules are back as they were)
sv -w 30 restart "$D" > /dev/null
svcup 300
check | tail -1
