# No lock the service waits for can be held by another account of the
# machine: the build lock is make.lock in ROOT, one per ROOT, and it, the
# data lock and the status lock are the service account's, mode 600, so
# nobody else can open them; ROOT itself stays readable (tinydns reads
# data.cdb there), and a lock another account takes on it stops nothing.
# A lock file another account planted (a ROOT of mode 1777) is refused at
# once, with the fix; one of the account's own with more bits is made 600.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-ops.sh" || exit 1
asaccount locks

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
EOF2
adduser alice alice-pw
accountfiles
startserver TIMEOUT=5
other() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
echo '--- the lock files: the account'"'"'s, mode 600'
for f in make.lock data.dyn.lock data.dyn.status.lock; do
  echo "$f $(stat -c '%U %a' "root/$f")"
done
echo '--- another account cannot open them, so cannot hold them'
for f in make.lock data.dyn.lock data.dyn.status.lock; do
  other flock -n -x "root/$f" true 2>&1 | sed "s|$ACCTTOP/||"
done
echo '--- another account holds a lock on ROOT itself: nothing waits for it'
other flock -x root sleep 60 &
holder=$!
LIB_PIDS+=("$holder")
waitfor pgrep -P "$holder" > /dev/null  # flock starts sleep once it holds the lock
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.2' -u alice:alice-pw
lookup h1.example.com a
pkill -P "$holder" 2>/dev/null; kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
echo '--- ROOT of mode 1777: another account plants make.lock and holds it'
chmod 1777 root
rm -f root/make.lock
other sh -c "umask 0; exec flock -x root/make.lock sleep 60" &
holder=$!
LIB_PIDS+=("$holder")
waitfor pgrep -P "$holder" > /dev/null
echo "make.lock $(stat -c '%U %a' root/make.lock)"
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.3' -u alice:alice-pw
settle
grep -o "fatal: make.lock is not this account's own plain file (chown it to the service account, chmod 600): operation not permitted" log
pkill -P "$holder" 2>/dev/null; kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
rm -f root/make.lock
chmod 755 root
echo '--- removed: the next request publishes it'
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.3' -u alice:alice-pw
lookup h1.example.com a
echo '--- a lock file of its own with more bits is made 600'
chmod 644 root/data.dyn.lock
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.4' -u alice:alice-pw
echo "data.dyn.lock $(stat -c '%U %a' root/data.dyn.lock)"
