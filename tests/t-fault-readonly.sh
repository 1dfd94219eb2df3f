# a read-only ROOT (issue #12): a file system remounted read-only after
# an error, or a mistake. Every client gets an answer in time (911 for
# a change; a nochg needs no write and no lock, and is answered),
# data.dyn stays the old file, nothing is written elsewhere instead;
# once ROOT is writable again, the service works.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

mountroot 4m
mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
EOF2
adduser alice alice-pw
startserver TIMEOUT=5 MAXPERHOUR=100 AUTHDELAYMAX=3
starttinydns
marker
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com' -u alice:wrong
keepold

echo '--- read-only'
mount -o remount,ro root || die "remount ro"
treq 7 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
treq 7 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
treq 7 '/nic/update?hostname=h2.example.com' -u alice:wrong
oldornew /dev/null
dig_a h1.example.com
mount -o remount,rw root || die "remount rw"
echo '--- writable again'
recovers h1.example.com 198.51.100.1
settle
notemp data.dyn.abuse data.dyn.authfail
outside
