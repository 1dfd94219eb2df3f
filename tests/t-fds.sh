# started with descriptor 0, 1 or 2 closed (by a broken supervisor, a
# cron job, a test harness), a program's next open would get that
# number, and its answer, its log line or make's output would go into
# whatever file it opened: the data file, the data lock. tinydnsdyn,
# tinydnsdyn-host and tinydnsdyn-passwd put /dev/null on a closed one
# first: the change is made and published, and every file stays as it
# should be.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-ipv6.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
EOF2
stdmakefile
adduser alice alice-pw
export ALLOWROOT=1 ROOT=$PWD/root PASSWD=$PWD/passwd TCPREMOTEIP=127.0.0.1 \
  TCPLOCALIP=127.0.0.1 TCPLOCALPORT=8245 MAXPERHOUR=0 AUTHDELAYMAX=0 TIMEOUT=10
request() { agentreq "/nic/update?hostname=h1.example.com&myip=$1" alice:alice-pw; }
# the files that must hold only what they should: the data file, the
# lock file's two counters, an empty build lock
check() {
  echo "data.dyn: $(cat root/data.dyn)"
  grep -c -v '^[0-9]* [0-9]*$' root/data.dyn.lock | sed 's/^/lock file, other lines: /'
  echo "build lock: $(wc -c < root/make.lock) bytes"
  lookup h1.example.com a
}
echo '--- fd 2 closed'
request 198.51.100.1 | "$PROG" > out 2>&-
echo "exit $?, $(tr -d '\r' < out | tail -1)"
check
echo '--- fd 1 closed'
request 198.51.100.2 | "$PROG" >&- 2> err
echo "exit $?"
grep -c 'good:198.51.100.2' err
check
echo '--- fd 0 closed: nothing to read'
"$PROG" <&- > out 2> err
echo "exit $?, $(wc -c < out) bytes answered"
grep -c 'closed before a request' err
echo '--- all three closed'
(exec 0<&- 1>&- 2>&-; exec "$PROG")
echo "exit $?"
check
echo '--- 1 and 2 closed, a change'
request 198.51.100.4 | "$PROG" >&- 2>&-
echo "exit $?"
check
notemp
echo '--- tinydnsdyn-host with fd 2 closed: its complaint goes nowhere, no file gets it'
"$TOP/tinydnsdyn-host" root add bad..name 192.0.2.9 2>&-
echo "exit $?"
check
"$TOP/tinydnsdyn-host" root add h2.example.com 192.0.2.9 2>&- > /dev/null
echo "exit $?"
cat root/data.dyn
echo '--- tinydnsdyn-passwd with fd 1 and 2 closed'
echo bob-pw | "$TOP/tinydnsdyn-passwd" passwd bob >&- 2>&-
echo "exit $?"
cut -d: -f1 passwd
grep -c -v '^[a-z]*:\$' passwd
