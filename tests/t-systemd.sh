# tinydnsdyn.service: systemd-analyze verifies it offline (no running
# systemd here) without a word, and rates it no more exposed than
# Debian's tinydns.service. Its ExecStart runs as the unit says: in its
# WorkingDirectory (the service directory tinydnsdyn-conf made; here the
# test's, as "systemctl edit" would set it, and ReadWritePaths the
# test's data root), with systemd's environment (PATH only), no new
# privileges, the unit's capability bounding set, and every file system
# read-only but the data root (ProtectSystem=strict, in a private mount
# namespace). curl updates a host, a real tinydns answers dig with the
# new address, and the log lines arrive on the output (the journal).
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

U=$TOP/tinydnsdyn.service
command -v systemd-analyze >/dev/null || die "systemd-analyze (package systemd) is missing"

echo '--- systemd-analyze'
systemd-analyze verify --man=no "$U" > verify.out 2>&1
echo "verify exit $?, $(wc -l < verify.out) lines"
cat verify.out
score() {
  systemd-analyze security --offline=true "$1" 2>/dev/null |
    sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p'
}
ours=$(score "$U")
debs=$(score /lib/systemd/system/tinydns.service)
[ -n "$ours" ] && [ -n "$debs" ] || die "no exposure scores: '$ours' '$debs'"
awk -v a="$ours" -v b="$debs" 'BEGIN { exit !(a <= b) }' &&
  echo "exposure no higher than tinydns.service's"

key() { sed -n "s/^$1=//p" "$U"; }
echo "WorkingDirectory=$(key WorkingDirectory)"
echo "ReadWritePaths=$(key ReadWritePaths)"
echo "ExecStart=$(key ExecStart)"
echo "NoNewPrivileges=$(key NoNewPrivileges)"
echo "CapabilityBoundingSet=$(key CapabilityBoundingSet)"

SVCTOP=
trap 'lib_cleanup; [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"' EXIT
svcdir systemd

echo '--- the service, as the unit starts it'
home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/root" 2>conf.err ||
  die "conf: $(cat conf.err)"
echo "$port" > svc/env/PORT
echo '.example.com:127.0.0.1:a:259200' > root/data
echo '+home.example.com:192.0.2.1:60' > root/data.dyn
(cd root && setuidgid tinydnsdyn make >/dev/null 2>&1) || die "make failed"
echo 'alice-pw' | home/bin/tinydnsdyn-passwd svc/passwd alice home.example.com

# the unit's settings, the two paths replaced by this test's
wd=$PWD/svc
rw=$PWD/root
cmd=$(key ExecStart)
caps=$(key CapabilityBoundingSet | tr 'A-Z' 'a-z' | sed 's/cap_/+/g; s/ /,/g')
[ "$(key NoNewPrivileges)" = true ] || die "the unit does not set NoNewPrivileges"
[ "$(key ProtectSystem)" = strict ] || die "the unit does not set ProtectSystem=strict"

# unitenv CMD: CMD (a shell command line) as systemd would run it
unitenv() {
  unshare -m sh -c '
    rw=$1; wd=$2; caps=$3; cmd=$4
    mount --make-rprivate / || exit 111
    mount --bind "$rw" "$rw" || exit 111
    # ProtectSystem=strict: everything read-only but the api file systems
    # and ReadWritePaths
    awk "{ print \$2 }" /proc/self/mounts | while read -r m; do
      case $m in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*|"$rw") continue ;; esac
      mount -o remount,bind,ro "$m" 2>/dev/null
    done
    cd "$wd" || exit 111
    exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      setpriv --no-new-privs --bounding-set "-all,$caps" sh -c "exec $cmd"
  ' unitenv "$rw" "$wd" "$caps" "$1"
}

# the unit's environment at all: in a plain chroot / is no mount point
# and mount --make-rprivate / fails; say so, not only "no service"
unitenv true > unitenv.err 2>&1 ||
  die "cannot make the unit's environment (unshare -m, mount --make-rprivate /; / must be a mount point, as it is not in a plain chroot): $(head -2 unitenv.err | paste -sd' ')"

# as the handler's account: /var/tmp is world-writable, but not here
for d in /var/tmp "$rw"; do
  unitenv "setuidgid tinydnsdyn touch $d/tinydnsdyn-probe && rm $d/tinydnsdyn-probe" 2>&1 |
    grep -o 'Read-only file system' | sed "s|^|${d/#$PWD/CWD}: |"
  [ "${PIPESTATUS[0]}" = 0 ] && echo "${d/#$PWD/CWD}: writable"
done

unitenv "$cmd" > unit.out 2>&1 &
LIB_PIDS+=($!)
svcup 200 && echo "service answers"

echo '--- update'
starttinydns "$PWD/root"
PORT=$port
dig_a home.example.com
req '/nic/update?hostname=home.example.com&myip=198.51.100.7' -u alice:alice-pw
dig_a home.example.com
stat -c '%n %U' root/data.dyn root/data.cdb
grep '^tinydnsdyn:' unit.out
