# out of memory (issue #12): under softlimit -m, checking a yescrypt
# password fails for want of memory. That says nothing about the
# password: the client hears 911 (try again), not badauth, and it is
# not counted as a failed login. Cheaper hashes still work; without the
# limit the same login works again.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
EOF2
adduser alice alice-pw
adduserh sha512 bob bob-pw
echo 'carol:$y$j9T$broken' >> passwd
printf '#!/bin/sh\nexec softlimit -m 12000000 %s\n' "$TOP/tinydnsdyn" > .limited
chmod 755 .limited
starttinydns
# an LD_PRELOAD shim that fails big allocations (failmalloc.c)
$(head -1 "$TOP/conf-cc") -fPIC -shared -o failmalloc.so "$TESTS/failmalloc.c" || die "failmalloc.c does not build"
marker
keepold
REAL=$PROG
PROG=$PWD/.limited
startserver TIMEOUT=5 AUTHDELAYMAX=2

echo '--- yescrypt under softlimit -m 12000000: the right password'
treq 7 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
echo '--- and a wrong one: the same, nothing can be told'
treq 7 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:wrong
oldornew /dev/null
echo "logged: $(grep -c 'fatal: unable to check password: out of memory; 127.0.0.1 alice 911' log)"
echo "counted as failed logins: $(cat root/data.dyn.authfail 2>/dev/null | wc -l)"
echo '--- SHA-512 needs little memory: works under the limit'
treq 7 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u bob:bob-pw
stopserver

echo '--- without the limit'
PROG=$REAL
startserver TIMEOUT=5
recovers h1.example.com 198.51.100.1
echo '--- a broken entry is still no password at all'
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u carol:carol-pw
stopserver
notemp
outside

# the handler's own tables are sized by the request: a small limit
# serves a small request; a request too big for it is answered 911 by
# an answer that needs no memory, and logged in one line
limited() { printf '#!/bin/sh\nexec softlimit %s %s\n' "$1" "$REAL" > .limited; chmod 755 .limited; }
htpasswd -b -m passwd carl carl-pw 2>/dev/null
PROG=$PWD/.limited
echo '--- softlimit -d 1000000, an apr1 user'
limited '-d 1000000'
startserver TIMEOUT=10
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.11' -u carl:carl-pw
echo '--- no allocation over 64 KB: one host; then 800 hosts'
PROG=$REAL
startserver TIMEOUT=10 MAXHOSTS=1000 LD_PRELOAD="$PWD/failmalloc.so" FAILMALLOC=65536
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.12' -u carl:carl-pw
many=$(for i in $(seq 1 800); do printf 'a%d.b.c,' "$i"; done)
req1 "/nic/update?hostname=${many%,}&myip=198.51.100.13" -u carl:carl-pw
settle
grep -c '^tinydnsdyn: fatal: out of memory; 127\.0\.0\.1 911$' log
PROG=$PWD/.limited
echo '--- softlimit -m 20000000, a yescrypt user (the hash alone takes 16 MiB)'
limited '-m 20000000'
startserver TIMEOUT=10
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.14' -u alice:alice-pw
stopserver
PROG=$REAL
notemp
outside
