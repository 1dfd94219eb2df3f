# Waiting changes (data.dyn.req.*): an entry is applied only if the
# service account wrote it (a plain file of its own, open to nobody
# else, never through a symlink), and what it grants is checked again:
# the hosts against its user's list in the password file now. In a ROOT
# where other accounts may create files (mode 1777), one that plants a
# copy of another user's entry, and holds it as a live handler would,
# changes nothing. And a name that is refused anyway (notfqdn, however
# long) never makes a change that waits fail: the answer is the one an
# uncontended request gets.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-ops.sh" || exit 1
asaccount spool

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+other.example.com:192.0.2.2:300
EOF2
adduser alice alice-pw h1.example.com
adduser bob bob-pw other.example.com
accountfiles
startserver TIMEOUT=60
other() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
oneentry() { test "$(ls root | grep -c '^data\.dyn\.req\.')" = 1; }
handlers() { pgrep -P "$SERVERPID"; }

# hold the data lock as root while a request comes: it waits in an entry
holdlock() {
  flock root/data.dyn.lock sleep 60 &
  LOCKER=$!
  LIB_PIDS+=("$LOCKER")
  waitfor pgrep -P "$LOCKER" > /dev/null
}
letgo() { pkill -P "$LOCKER"; wait "$LOCKER" 2>/dev/null; }

echo '--- a long invalid name beside a valid one'
long=$(printf 'a%.0s' $(seq 300))
req1 "/nic/update?hostname=h1.example.com,$long&myip=198.51.100.1" -u alice:alice-pw | sed "s/$long/LONG/"
echo '--- the same, while the data lock is held: it waits, then the same answer'
holdlock
req1 "/nic/update?hostname=h1.example.com,$long&myip=198.51.100.2" -u alice:alice-pw > .r &
rq=$!
waitfor oneentry
letgo
wait "$rq"
sed "s/$long/LONG/" .r

echo '--- bob waits; his entry is copied, and his handler killed'
holdlock
req1 '/nic/update?hostname=other.example.com&myip=192.0.2.66' -u bob:bob-pw > /dev/null &
waitfor oneentry
cp root/data.dyn.req.* forged.bin
kill -KILL $(handlers)
letgo
echo '--- ROOT of mode 1777: another account plants the copy and holds it'
chmod 1777 root
chmod 644 forged.bin
other sh -c 'cat forged.bin > root/data.dyn.req.99999.1.1; exec flock -s root/data.dyn.req.99999.1.1 sleep 60' &
planter=$!
LIB_PIDS+=("$planter")
waitfor pgrep -P "$planter" > /dev/null
echo "planted: $(stat -c '%U %a' root/data.dyn.req.99999.1.1)"
echo '--- alice leads a rewrite: the planted entry changes nothing'
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.3' -u alice:alice-pw
showdyn
pkill -P "$planter"; wait "$planter" 2>/dev/null
chmod 755 root
lookup other.example.com a

# an entry of the account's own, as a waiting handler would hold it
plant() {
  cp forged.bin "root/data.dyn.req.$1.1.1"
  chown tinydnsdyn: "root/data.dyn.req.$1.1.1"
  chmod 600 "root/data.dyn.req.$1.1.1"
  setuidgid tinydnsdyn flock -s "root/data.dyn.req.$1.1.1" sleep 60 &
  planter=$!
  LIB_PIDS+=("$planter")
  waitfor pgrep -P "$planter" > /dev/null
}
echo '--- the copy as the account'"'"'s own, but other.example.com is no longer bob'"'"'s'
sed -i 's/:other\.example\.com$/:nothing.example.com/' passwd
plant 99998
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.4' -u alice:alice-pw
pkill -P "$planter"; wait "$planter" 2>/dev/null
lookup other.example.com a
echo '--- bob'"'"'s again: a waiting change of his is applied'
sed -i 's/:nothing\.example\.com$/:other.example.com/' passwd
plant 99997
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.5' -u alice:alice-pw
pkill -P "$planter"; wait "$planter" 2>/dev/null
lookup other.example.com a
