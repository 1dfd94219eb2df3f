# tinydnsdyn-host adds, lists and removes dynamic hosts the way the
# handler finds them: under the data lock, written atomically, published
# by make; refuses bad names, bad addresses and duplicates; keeps the
# data file's owner; with -p makes one user for the host, whose secret
# then updates exactly that host; with -p as the account, the password
# file's directory root's, it stops before the data file is touched and
# changes nothing
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"
H=$TOP/tinydnsdyn-host

mkroot <<'EOF2'
# static-looking comment
+h1.example.com:192.0.2.1:300
'_acme-challenge.h1.example.com:live:0:40000000ffffffff
'_acme-challenge.gone.example.com:expired:0:4000000000000001
EOF2
countmakefile
adduser alice alice-pw
masksecret() { sed 's/^secret: [A-Za-z0-9]\{24\}$/secret: SECRET/'; }

echo '--- add h2 (both families) and h3 (IPv4, ttl 60); the expired ACME line goes'
"$H" root add h2.example.com 2001:db8::2 198.51.100.2 2>err; echo "exit $?"
"$H" -t 60 root add H3.Example.COM. 198.51.100.3 2>err; echo "exit $?"
showdyn
made
lookup h2.example.com a
lookup h2.example.com aaaa
lookup h3.example.com a
echo '--- list'
"$H" root list
echo '--- list: a line too long to edit is no host line, nor is its tail'
mkdir long
{ cat root/data.dyn; printf '#%065536d+h9.example.com:192.0.2.9:300\n+h10.example.com:192.0.2.10:300\n' 0; } > long/data.dyn
"$H" long list; echo "exit $?"
echo '--- the handler updates an added host'
startserver
req1 '/nic/update?hostname=h3.example.com&myip=198.51.100.33' -u alice:alice-pw
lookup h3.example.com a

echo '--- refused'
snap
for args in 'add h2.example.com 192.0.2.9' 'add h1.example.com. 192.0.2.8' \
            'add bad_name.example.com 192.0.2.9' 'add nodot 192.0.2.9' 'add *.h9.example.com 192.0.2.9' \
            'add h9.example.com 192.0.2.256' 'add h9.example.com 192.0.2.1 192.0.2.2' \
            'add h9.example.com 2001:db8::1,192.0.2.1' 'add h9.example.com' \
            'remove h9.example.com' 'remove h9.example.com 192.0.2.1' 'frob h1.example.com' 'list x'; do
  # shellcheck disable=SC2086
  "$H" root $args > out 2> err
  echo "$args: exit $? $(head -1 err)$(cat out)"
done
"$H" -t x root add h9.example.com 192.0.2.9 2>err; echo "bad ttl: exit $? $(head -1 err)"
"$H" -u bob root add h9.example.com 192.0.2.9 2>err; echo "-u alone: exit $? $(head -1 err)"
"$H" nonexistent list 2>err; echo "no root: exit $? $(errnorm < err)"
same
made

echo '--- remove h2: its lines go, every other byte stays'
"$H" root remove h2.example.com 2>err; echo "exit $?"
showdyn
lookup h2.example.com a
lookup h2.example.com aaaa
echo '--- remove h1: its ACME line goes with it'
"$H" root remove h1.example.com 2>err; echo "exit $?"
showdyn
made

echo '--- add with a user of its own'
"$H" -p passwd root add nas.example.com 192.0.2.50 2>err | masksecret
echo "exit ${PIPESTATUS[0]}"
"$H" -p passwd root add nas2.example.com 192.0.2.51 2>err | masksecret
secret=$("$H" -p passwd -u router root add gw.example.com 192.0.2.60 2>err | sed -n 's/^secret: //p')
echo "router's secret: ${#secret} letters"
maskhash < passwd | sed 's/^alice:.*/alice:.../'
req1 "/nic/update?hostname=gw.example.com&myip=198.51.100.60" -u "router:$secret"
req1 "/nic/update?hostname=nas.example.com&myip=198.51.100.60" -u "router:$secret"
lookup gw.example.com a
echo '--- a user that exists is not made again, and the host is not added'
snap
cp passwd passwd.before
"$H" -p passwd -u alice root add h7.example.com 192.0.2.7 2>err; echo "exit $? $(cat err)"
same
cmp -s passwd passwd.before && echo "passwd unchanged"
echo '--- remove with -p: the user goes only if it has exactly this host'
"$H" -p passwd -u router root remove gw.example.com 2>err; echo "exit $?"
"$H" -p passwd -u alice root remove nas2.example.com 2>err; echo "exit $?"
grep -c '^alice:' passwd
grep -c '^router:' passwd
req1 "/nic/update?hostname=gw.example.com&myip=198.51.100.61" -u "router:$secret"
"$H" root list
notemp made
ls -a root | grep -c '\.tmp\.'

echo '--- run as root on a root owned by the service account'
stopserver
# nobody must reach it: a directory of its own outside the runner's
own=$(mktemp -d /tmp/tinydnsdyn-own.XXXXXX) || die mktemp
# and the program too: the build may sit in a directory only root
# enters (make sanitize's copy)
bin=$(mktemp -d /tmp/tinydnsdyn-bin.XXXXXX) || die mktemp
trap 'rm -rf "$own" "$bin"; lib_cleanup' EXIT
chmod 755 "$own" "$bin"
cp "$PROG" "$bin/tinydnsdyn" || die "copy $PROG"
PROG=$bin/tinydnsdyn
cp root/data.static root/data.dyn "$own/"
sed '/made/d; s/^all: data.cdb$//' root/Makefile > "$own/Makefile"
chown -R nobody:nogroup "$own"
"$H" "$own" add h8.example.com 192.0.2.8 > /dev/null 2>err; echo "exit $?"
# make's outputs are root's, which the service replaces by rename
for f in "$own"/*; do stat -c '%n %U' "$f"; done | sed "s|^$own/||"
echo '--- and the service, as nobody, still updates it'
TCPOPTS=(-u "$(id -u nobody)" -g "$(id -g nobody)")
cp passwd "$own/passwd" && chown nobody "$own/passwd"
startserver ROOT="$own" PASSWD="$own/passwd"
req1 '/nic/update?hostname=h8.example.com&myip=198.51.100.8' -u alice:alice-pw
(cd "$own" && tinydns-get a h8.example.com | sed -n 's/^answer: //p')
stopserver
for f in "$own"/*; do stat -c '%n %U' "$f"; done | sed "s|^$own/||"

echo "--- -p as the account, the password file's directory root's: nothing changes"
# as tinydnsdyn-conf lays it out: the directory and the lock file
# (tinydnsdyn-passwd, run as root, made it) root's, the file the
# account's
pwdir=$(mktemp -d /tmp/tinydnsdyn-pw.XXXXXX) || die mktemp
trap 'rm -rf "$own" "$bin" "$pwdir"; lib_cleanup' EXIT
chmod 755 "$pwdir"
cp passwd "$pwdir/passwd" && chown nobody:nogroup "$pwdir/passwd" && chmod 600 "$pwdir/passwd"
install -m 600 /dev/null "$pwdir/passwd.lock"
cp "$H" "$bin/tinydnsdyn-host" || die "copy $H"
state() {
  sha256sum "$own/data.dyn" "$own/data.cdb" "$pwdir/passwd"
  stat -c '%n %i %Y %U' "$own/data.dyn" "$own/data.cdb" "$pwdir/passwd"
  ls -a "$own" "$pwdir"
}
asnobody() {
  setuidgid nobody "$bin/tinydnsdyn-host" -p "$pwdir/passwd" "$own" "$@" > out 2> err
  echo "$*: exit $? $(sed "s|$pwdir|PWDIR|g" err)$(cat out)"
  if state | cmp -s - state.before; then echo "  data, data.cdb, passwd and both directories unchanged"
  else echo "  CHANGED:"; state | diff state.before - | sed -n 's/^> /  /p'
  fi
}
state > state.before
asnobody add h9.example.com 192.0.2.9
asnobody remove h8.example.com
echo "(the lock file the account's)"
chown nobody:nogroup "$pwdir/passwd.lock"
state > state.before
asnobody add h9.example.com 192.0.2.9
asnobody -u alice remove h8.example.com
echo '(as root: a host that exists, with a new user: the prepared password file goes too)'
"$bin/tinydnsdyn-host" -p "$pwdir/passwd" -u carol "$own" add h8.example.com 192.0.2.8 > out 2> err
echo "exit $? $(cat err out)"
if state | cmp -s - state.before; then echo "  data, data.cdb, passwd and both directories unchanged"
else echo "  CHANGED:"; state | diff state.before - | sed -n 's/^> /  /p'
fi
echo '(as root the same add works: nothing was half done)'
"$bin/tinydnsdyn-host" -p "$pwdir/passwd" "$own" add h9.example.com 192.0.2.9 2>err | masksecret
echo "exit ${PIPESTATUS[0]}"
stat -c '%U %a' "$pwdir/passwd"
grep -c '^h9\.example\.com:' "$pwdir/passwd"
(cd "$own" && tinydns-get a h9.example.com | sed -n 's/^answer: //p')
