# Debian's tinydns layout, run as Debian runs tinydns (runit's runsv): a
# copy of the package's data root (/etc/sv/tinydns/root: its Makefile
# and add-* scripts), static records made with ./add-host in data;
# tinydnsdyn-conf converts the Makefile; the README's migration moves a
# dynamic host from data to data.dyn; runsv runs the service directory
# (and its log) unchanged but for the port; curl updates, a real tinydns
# answers dig with the new address; ./add-host and the README's make
# keep it; the README's hand-edit recipe (vi replaced by a script)
# holds the lock and leaves the service working; sv stops everything.
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

[ -d /etc/sv/tinydns/root ] || die "Debian's tinydns is not installed"
command -v runsv >/dev/null || die "runsv (package runit) is not installed"

RUNSVPIDS=()
SVCTOP=
runit_cleanup() {
  if [ ${#RUNSVPIDS[@]} -gt 0 ]; then
    sv -w 10 force-stop "$SVCTOP/svc" "$SVCTOP/svc/log" >/dev/null 2>&1
    sv exit "$SVCTOP/svc" "$SVCTOP/svc/log" >/dev/null 2>&1
    reappids "${RUNSVPIDS[@]}"
  fi
  lib_cleanup
  [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"
}
trap runit_cleanup EXIT

svcdir runit
R=$PWD/root

echo "--- Debian's root, static records made with add-*"
cp -a /etc/sv/tinydns/root "$R" || die "copy root"
: > "$R/data"
(cd "$R" &&
 ./add-ns example.com 127.0.0.1 &&
 ./add-host www.example.com 192.0.2.80 &&
 ./add-host home.example.com 192.0.2.1 &&
 make -s) || die "add-* or make failed"
(cd "$R" && tinydns-get a home.example.com) | grep '^answer:'

echo '--- tinydnsdyn-conf converts its Makefile'
home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$R" 2>conf.err
echo "conf exit $?"
sed "s|$PWD|CWD|g" conf.err | grep -v '^tcprules'
cmp "$R/Makefile.orig" /etc/sv/tinydns/root/Makefile && echo "Makefile.orig is Debian's"
echo "$port" > svc/env/PORT
echo 'alice-pw' | home/bin/tinydnsdyn-passwd svc/passwd alice home.example.com

echo '--- migration (README): home.example.com moves from data to data.dyn'
cd "$R" || die "cd root"
grep '^[+=]home\.example\.com:' data >> data.dyn
sed -i '/^[+=]home\.example\.com:/d' data
setuidgid tinydnsdyn setlock make.lock make >make.out 2>&1 || die "make: $(cat make.out)"
rm -f make.out
cd "$SVCTOP" || die "cd"
echo "data.dyn: $(cat "$R/data.dyn")"
grep -c 'home' "$R/data"
(cd "$R" && tinydns-get a home.example.com) | grep '^answer:'

echo '--- runsv'
runsv svc > runsv.out 2>&1 & RUNSVPIDS+=($!)
svcup 200 && echo "service answers"
sv status "$PWD/svc" "$PWD/svc/log" | sed -E "s|$PWD|CWD|g; s/ \(pid [0-9]+\)//g; s/ [0-9]+s//g"

echo '--- update, served by tinydns'
starttinydns "$R"
PORT=$port
req '/nic/update?hostname=home.example.com&myip=198.51.100.7' -u alice:alice-pw
dig_a home.example.com
dig_a www.example.com
stat -c '%n %U' "$R/data.dyn" "$R/data.cdb" | sed "s|$PWD|CWD|"

echo '--- add-host, then make as the README says'
(cd "$R" && ./add-host mail.example.com 192.0.2.25 &&
 setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1) || echo "add-host or make failed"
dig_a mail.example.com
dig_a home.example.com
req '/nic/update?hostname=home.example.com&myip=198.51.100.8' -u alice:alice-pw
dig_a mail.example.com
dig_a home.example.com

echo '--- a make as root leaves nothing that stops the next update'
(cd "$R" && make >/dev/null 2>&1) || echo "make as root failed"
req '/nic/update?hostname=home.example.com&myip=198.51.100.9' -u alice:alice-pw
dig_a home.example.com

echo '--- hand edit (README), vi replaced by a script'
mkdir bin
cat > bin/vi <<'EOF'
#!/bin/sh
# stands in for the editor: reports the lock and who it runs as, edits
flock -n data.dyn.lock true && echo "editor: lock NOT held" || echo "editor: lock held"
echo "editor: runs as $(id -un)"
sed 's/^=home\.example\.com:[^:]*/=home.example.com:198.51.100.50/' "$1" > "$1.edit" &&
  cat "$1.edit" > "$1" && rm -f "$1.edit"
EOF
chmod 755 bin/vi
(cd "$R" && PATH=$SVCTOP/bin:$PATH &&
 setuidgid tinydnsdyn setlock data.dyn.lock vi data.dyn &&
 setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1) || echo "hand edit failed"
dig_a home.example.com
stat -c '%n %U' "$R/data.dyn" "$R/data.dyn.lock" | sed "s|$PWD|CWD|"
req '/nic/update?hostname=home.example.com&myip=198.51.100.10' -u alice:alice-pw
dig_a home.example.com

echo '--- stop'
sv -w 30 force-stop "$PWD/svc" "$PWD/svc/log" >/dev/null 2>&1
sv exit "$PWD/svc" "$PWD/svc/log" >/dev/null 2>&1
if ! pidsgone 200 "${RUNSVPIDS[@]}"; then
  echo "STILL RUNNING"
else
  echo "runsv, tcpserver and multilog stopped"
  RUNSVPIDS=()
fi
curl -s -m 5 "http://127.0.0.1:$port/" >/dev/null
echo "curl after stop: exit $?"
sed 's/^@[0-9a-f]\{24\} //' svc/log/main/current | grep '^tinydnsdyn:'
