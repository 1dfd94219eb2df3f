# make deps leaves the machine's services as they were. In a sandbox
# (lib-ops.sh: overlays on /etc, /var, /usr/sbin, ..., a network of its
# own), stand-ins for dpkg-query (nothing installed) and apt-get, whose
# "install" does to services what the packages' maintainer scripts do,
# with Debian's own helpers: prometheus's runs update-rc.d defaults,
# invoke-rc.d start (its init script, a stand-in here, listens on port
# 9090) and deb-systemd-helper enable; certbot's enables certbot.timer;
# runit's enables its default-syslog service through runit-helper.
# First the stand-ins alone, to show what they leave; then make deps,
# after which nothing is enabled, running or listening that was not
# before; then make deps on a machine whose own policy-rc.d lets
# everything start: it is kept, and deps.sh disables what started and
# fails, naming the port.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-ops.sh" || exit 1
sandbox

mkdir fake
cat > fake/dpkg-query <<'EOF'
#!/bin/sh
for a; do p=$a; done
case " $FAKE_INSTALLED " in *" $p "*) printf 'install ok installed' ;; esac
EOF
cat > fake/apt-get <<'EOF'
#!/bin/sh
[ "$1" = install ] || exit 0
export DPKG_MAINTSCRIPT_NAME=postinst
for p; do
  export DPKG_MAINTSCRIPT_PACKAGE=$p
  case $p in
    prometheus)
      update-rc.d prometheus defaults >/dev/null
      invoke-rc.d --skip-systemd-native prometheus start || exit 1
      deb-systemd-helper unmask prometheus.service >/dev/null
      deb-systemd-helper --quiet was-enabled prometheus.service &&
        deb-systemd-helper enable prometheus.service >/dev/null ;;
    certbot)
      deb-systemd-helper --quiet was-enabled certbot.timer &&
        deb-systemd-helper enable certbot.timer >/dev/null ;;
    runit)
      NAME=default-syslog ENABLE=yes ONUPGRADE=nostop /lib/runit-helper/runit-helper postinst configure ;;
  esac
done
exit 0
EOF
chmod 755 fake/dpkg-query fake/apt-get

# the stand-ins' services: an init script that listens on 9090 (in this
# network only) and units as the packages have them
cat > /etc/init.d/prometheus <<EOF
#!/bin/sh
### BEGIN INIT INFO
# Provides:          prometheus
# Required-Start:    \$remote_fs
# Required-Stop:     \$remote_fs
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: stand-in for prometheus
### END INIT INFO
case \$1 in
  start) tcpserver -q 127.0.0.1 9090 true > /dev/null 2>&1 &
         echo \$! > $PWD/prometheus.pid
         # started: listening, as the real daemon would be soon
         for i in 1 2 3 4 5 6 7 8 9 10; do
           ss -ltnH | grep -q ':9090 ' && break
           sleep 1
         done ;;
esac
exit 0
EOF
chmod 755 /etc/init.d/prometheus
printf '[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n' > /lib/systemd/system/prometheus.service
printf '[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n' > /lib/systemd/system/certbot.timer
# runlevel: the sandbox runs no init; this one stands for a machine
# booted into runlevel 2, where invoke-rc.d starts what is enabled there
rm -f /usr/sbin/runlevel
printf '#!/bin/sh\necho N 2\n' > /usr/sbin/runlevel
chmod 755 /usr/sbin/runlevel
trap '[ -s prometheus.pid ] && kill "$(cat prometheus.pid)" 2>/dev/null; lib_cleanup' EXIT

# fresh: the sandbox as if none of the three were installed
fresh() {
  [ -s prometheus.pid ] && kill "$(cat prometheus.pid)" 2>/dev/null && pidsgone 50 "$(cat prometheus.pid)"
  rm -f prometheus.pid /etc/rc?.d/[SK][0-9][0-9]prometheus \
    /etc/systemd/system/*/prometheus.service /etc/systemd/system/*/certbot.timer \
    /etc/runit/runsvdir/default/default-syslog /usr/sbin/policy-rc.d
  rm -rf /var/lib/systemd/deb-systemd-helper-enabled /var/lib/systemd/deb-systemd-helper-masked
  state | LC_ALL=C sort > state.before
}
# state: what is enabled (systemd's, runit's and SysV's links), and the
# TCP ports that listen
state() {
  find /etc/systemd/system -type l \( -path '*.wants/*' -o -path '*.requires/*' \)
  find /etc/runit/runsvdir/default -type l
  find /etc/rc?.d -type l -name 'S*'
  ss -ltnH | awk '{ print "listening: " $4 }'
}
changed() {
  state | LC_ALL=C sort | LC_ALL=C comm -13 state.before - | sed 's/^/new: /'
}

echo '--- the stand-ins alone'
fresh
PATH=$PWD/fake:$PATH apt-get install -y prometheus certbot runit
changed

echo '--- make deps, nothing installed'
fresh
(cd "$TOP" && PATH="$OLDPWD/fake:$PATH" make -s deps) > deps.out 2>&1
echo "make deps: exit $?"
grep '^deps:' deps.out | sed 's/^deps: installing .*/deps: installing .../'
grep -o 'policy-rc.d denied execution of start' deps.out
changed
[ -e /usr/sbin/policy-rc.d ] || echo "no policy-rc.d left"

echo "--- make deps, with the machine's own policy-rc.d, which lets all start"
fresh
printf '#!/bin/sh\nexit 0\n' > /usr/sbin/policy-rc.d
chmod 755 /usr/sbin/policy-rc.d
state | LC_ALL=C sort > state.before
(cd "$TOP" && PATH="$OLDPWD/fake:$PATH" make -s deps) > deps.out 2>&1
echo "make deps: exit $?"
grep '^deps:' deps.out | sed 's/^deps: installing .*/deps: installing .../'
changed
cat /usr/sbin/policy-rc.d
