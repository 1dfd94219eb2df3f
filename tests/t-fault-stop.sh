# SIGSTOP (issue #12): a process that holds a lock and stops (a
# debugger, a frozen VM, kill -STOP). While the holder of the data lock
# is stopped, every other client still gets 911 in time, and data.dyn
# is the old or the new file; once it goes on, the service works. When
# make (the holder of the build lock) is stopped, its client and the
# others get 911 in time, and after MAKETIMEOUT the watchdog ends it
# (TERM and CONT to its process group), so the service recovers by
# itself.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

awk 'BEGIN { for (i = 1; i <= 300000; i++) printf "+f%d.example.com:192.0.2.1:300\n", i }
     END { print "+h1.example.com:192.0.2.1:300"; print "+h2.example.com:192.0.2.2:300" }' \
  < /dev/null | mkroot
printf '%s\n' \
  'data.cdb: data' \
  '	if test -e slow; then sleep 2; fi' \
  '	/usr/sbin/tinydns-data' \
  'data: data.static data.dyn' \
  '	cat data.static data.dyn > data.new' \
  '	mv data.new data' > root/Makefile
adduser alice alice-pw
startserver TIMEOUT=4 MAKETIMEOUT=10
starttinydns
marker
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
keepold

echo '--- the holder of the data lock stopped'
ino=$(stat -c %i root/data.dyn.lock)
curl -sS -m 60 -u alice:alice-pw \
  "http://127.0.0.1:$PORT/nic/update?hostname=h1.example.com&myip=198.51.100.1" > .a.out 2>&1 &
a=$!
holder=
for ((i = 0; i < 20000 && !holder; i++)); do
  holder=$(awk -v ino=":$ino\$" '$2 == "FLOCK" && $6 ~ ino { print $5; exit }' /proc/locks)
  kill -0 $a 2>/dev/null || break
done
if [ -n "$holder" ] && kill -STOP "$holder" 2>/dev/null; then
  echo "stopped a $(cat /proc/$holder/comm) holding the data lock"
else
  echo "DID NOT CATCH the holder of the data lock"
fi
treq 6 '/nic/update?hostname=h2.example.com&myip=198.51.100.3' -u alice:alice-pw
either <(withip 198.51.100.1 h1.example.com)
kill -CONT "$holder" 2>/dev/null
wait $a
echo "the stopped one's client, late: $(cat .a.out)" >&2
recovers h2.example.com 198.51.100.3
oldornew <(withip 198.51.100.1 h1.example.com | sed 's/^+h2.example.com:[^:]*:/+h2.example.com:198.51.100.3:/')

echo '--- make stopped'
touch root/slow
curl -sS -m 60 -u alice:alice-pw \
  "http://127.0.0.1:$PORT/nic/update?hostname=h1.example.com&myip=198.51.100.4" > .c.out 2>&1 &
c=$!
t0=$(ms)
m=
for ((i = 0; i < 300 && !m; i++)); do
  for p in $(pgrep -x make); do
    [ "$(readlink /proc/$p/cwd)" = "$PWD/root" ] && m=$p
  done
  [ -n "$m" ] || sleep 0.05
done
[ -n "$m" ] && kill -STOP -- "-$m" && echo "stopped make and all it runs"
wait $c
echo "its client: $(cat .c.out)"
[ $(( $(ms) - t0 )) -le 6000 ] && echo "in time" || echo "LATE: $(( $(ms) - t0 )) ms"
treq 6 '/nic/update?hostname=h2.example.com&myip=198.51.100.5' -u alice:alice-pw
echo '--- after MAKETIMEOUT the watchdog ends it'
waitnone make 25
rm root/slow
recovers h1.example.com 198.51.100.4
recovers h2.example.com 198.51.100.5
settle
notemp
outside
