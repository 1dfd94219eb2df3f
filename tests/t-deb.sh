# The Debian package: make deb's deb.sh builds it in a copy of the tree
# (conf-home stays /usr/local there; the package's programs use /usr);
# every program and man page make setup installs is in it;
# lintian finds no error; dpkg -i installs the programs, man pages,
# unit, examples and ACME hooks and makes the accounts; the installed
# tinydnsdyn-conf sets up a service on a copy of Debian's tinydns root,
# which serves an update to a real tinydns and passes tinydnsdyn-check;
# the installed unit verifies with its man pages; upgrading to a newer
# version keeps the operator's files; dpkg -r and --purge remove the package and
# leave the service directory, the data and the accounts alone.
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

# one t-deb at a time on this machine (another tree's suite may run it)
exec 9> /tmp/tinydnsdyn-t-deb.lock
flock -w 250 9 || die "another t-deb holds /tmp/tinydnsdyn-t-deb.lock"
if dpkg-query -W -f='${Status}' tinydnsdyn 2>/dev/null | grep -q 'ok installed'; then
  die "the tinydnsdyn package is installed already: not touching it"
fi
for c in dpkg-buildpackage dh lintian; do
  command -v "$c" >/dev/null || die "$c is missing (./deps.sh)"
done

SVCTOP=
INSTALLED=
deb_cleanup() {
  lib_cleanup
  [ -n "$INSTALLED" ] && dpkg --purge tinydnsdyn >/dev/null 2>&1
  [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"
}
trap deb_cleanup EXIT

SVCTOP=$(mktemp -d /tmp/tinydnsdyn-deb.XXXXXX) || die "mktemp"
chmod 755 "$SVCTOP"
cd "$SVCTOP" || die "cd $SVCTOP"

echo '--- build'
# make deb, as the README says, its temp dir here
(cd "$TOP" && TMPDIR=$SVCTOP ./deb.sh) > deb.out 2>&1
echo "deb.sh exit $?"
deb=$(sed -n 's/^deb: built \(.*tinydnsdyn_[^_]*_[^_]*\.deb\)$/\1/p' deb.out | grep -v dbgsym | head -1)
[ -n "$deb" ] || die "no .deb: $(tail -5 deb.out)"
build=$(dirname "$deb")/tinydnsdyn
head -1 "$build/conf-home"
echo "${deb##*/}" | sed 's/_[^_]*_/_VERSION_/'
dpkg-deb -c "$deb" | awk '{ print $1, $6 }' | grep -v '/$'
# every program and man page make setup installs (hier.c) and every *.8
# of the tree is in the package: the list comes from the build, so a
# program added to hier.c and not to debian/ fails here
dpkg-deb -c "$deb" | awk '{ print $6 }' | LC_ALL=C sort > deb.files
buildhome
for f in home/bin/* home/man/man8/* "$TOP"/*.8; do
  case $f in
    */bin/*) echo "./usr/bin/${f##*/}" ;;
    *) echo "./usr/share/man/man8/${f##*/}.gz" ;;
  esac
done | LC_ALL=C sort -u > setup.files
echo "make setup installs $(ls home/bin | wc -l) programs, $(ls home/man/man8 | wc -l) man pages"
LC_ALL=C comm -23 setup.files deb.files | sed 's/^/not in the package: /'
LC_ALL=C comm -23 setup.files deb.files | grep -q . ||
  echo "every program and man page of make setup is in the package"
# deb.sh runs lintian; its messages are the lines before "deb: built"
grep -E '^[EWIP]: ' deb.out > lintian.out
echo "lintian: $(grep -c '^E: ' lintian.out) errors, $(grep -c '^W: ' lintian.out) warnings"
cat lintian.out

echo '--- install'
dpkg -i "$deb" > dpkg.out 2>&1
echo "dpkg -i exit $?"
INSTALLED=1
command -v tinydnsdyn-conf tinydnsdyn-check
for p in home/bin/*; do
  [ "$(command -v "${p##*/}")" = "/usr/bin/${p##*/}" ] || echo "not in /usr/bin: ${p##*/}"
done
id -u tinydnsdyn >/dev/null && id -u tinydnsdynlog >/dev/null && echo "accounts exist"
systemd-analyze verify /lib/systemd/system/tinydnsdyn.service > verify.out 2>&1
echo "verify with man pages: exit $?, $(wc -l < verify.out) lines"
cat verify.out

echo "--- a service on Debian's tinydns root"
port=$(freeport)
cp -a /etc/sv/tinydns/root "$PWD/root" || die "copy root"
echo '.example.com:127.0.0.1:a:259200' > root/data
tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/root" 2>conf.err
echo "conf exit $?"
grep -o 'tcpserver.*' svc/run
echo "$port" > svc/env/PORT
echo '+home.example.com:192.0.2.1:60' >> root/data.dyn
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1) || die "make failed"
echo 'alice-pw' | tinydnsdyn-passwd svc/passwd alice home.example.com
(cd svc && exec ./run) > svc.log 2>&1 &
LIB_PIDS+=($!)
svcup 200
starttinydns "$PWD/root"
PORT=$port
req '/nic/update?hostname=home.example.com&myip=198.51.100.7' -u alice:alice-pw
dig_a home.example.com
tinydnsdyn-check "$PWD/svc" > check.out 2>&1
echo "tinydnsdyn-check exit $?"
grep -v '^ok: ' check.out

echo '--- upgraded to a newer version: the operator files are kept'
snapshot() { find svc root -printf '%p %u %m %s %T@\n' | LC_ALL=C sort; }
snapshot > before
(cd "$build" &&
 sed -i '1s/^tinydnsdyn (\([^)]*\))/tinydnsdyn (\1+t1)/' debian/changelog &&
 dpkg-buildpackage -us -uc -b) > build2.log 2>&1 || die "rebuild failed: $(tail -5 build2.log)"
deb2=$(ls "$build"/../tinydnsdyn_*+t1_*.deb | head -1)
dpkg -i "$deb2" > dpkg2.out 2>&1
echo "dpkg -i newer exit $?"
dpkg-query -W -f='${Version}\n' tinydnsdyn | sed 's/^.*+t1$/newer version installed/'
snapshot | diff before - && echo "service directory and root unchanged"
req '/nic/update?hostname=home.example.com&myip=198.51.100.8' -u alice:alice-pw
dig_a home.example.com
lib_cleanup   # the service and tinydns stop before the package goes
snapshot > before

echo '--- remove, purge'
dpkg -r tinydnsdyn > dpkg3.out 2>&1
echo "dpkg -r exit $?"
[ -e /usr/bin/tinydnsdyn ] || echo "/usr/bin/tinydnsdyn removed"
dpkg --purge tinydnsdyn > dpkg4.out 2>&1
echo "dpkg --purge exit $?"
INSTALLED=
dpkg-query -W -f='${Status}\n' tinydnsdyn 2>/dev/null | grep -q 'ok installed' || echo "not installed"
[ -e /lib/systemd/system/tinydnsdyn.service ] || echo "unit removed"
snapshot | diff before - && echo "service directory and root unchanged"
id -u tinydnsdyn >/dev/null && id -u tinydnsdynlog >/dev/null && echo "accounts kept"
