# daemontools as daemontools-run runs it: svscan on a scan directory
# (here a temporary one standing in for /etc/service) starts the service
# directory tinydnsdyn-conf made, linked in as the README says, and its
# log, through one pipe; curl updates; svc -dx and the end of svscan
# stop everything.
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

SCANPID=
SVCTOP=
svscan_cleanup() {
  local i
  if [ -n "$SCANPID" ]; then
    kill -TERM "$SCANPID" 2>/dev/null
    svc -dx "$SVCTOP/svc" "$SVCTOP/svc/log" 2>/dev/null
    for ((i = 0; i < 100; i++)); do
      [ "$(svstat "$SVCTOP/svc" "$SVCTOP/svc/log" 2>&1 | grep -c 'supervise not running')" = 2 ] && break
      sleep 0.1
    done
  fi
  lib_cleanup
  [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"
}
trap svscan_cleanup EXIT

svcdir svscan

home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/root" 2>conf.err || die "conf: $(cat conf.err)"
echo "$port" > svc/env/PORT
echo '.example.com:127.0.0.1:a:259200' > root/data
echo '+home.example.com:192.0.2.1:60' > root/data.dyn
(cd root && setuidgid tinydnsdyn setlock make.lock make >/dev/null 2>&1) || die "make failed"
echo 'alice-pw' | home/bin/tinydnsdyn-passwd svc/passwd alice home.example.com

echo '--- svscan'
mkdir service
ln -s "$PWD/svc" service/tinydnsdyn
(cd service && exec svscan .) > svscan.out 2>&1 &
SCANPID=$!
svcup 300 && echo "service answers"
svstat service/tinydnsdyn service/tinydnsdyn/log | sed 's/ (pid [0-9]*) [0-9]* seconds$//'

echo '--- update'
starttinydns "$PWD/root"
PORT=$port
req '/nic/update?hostname=home.example.com&myip=198.51.100.7' -u alice:alice-pw
dig_a home.example.com

echo '--- stop'
kill -TERM "$SCANPID"; wait "$SCANPID" 2>/dev/null; SCANPID=
svc -dx svc svc/log
for ((i = 0; i < 200; i++)); do
  [ "$(svstat svc svc/log 2>&1 | grep -c 'supervise not running')" = 2 ] && break
  sleep 0.1
done
svstat svc svc/log 2>&1 | sed "s|$PWD|CWD|g"
curl -s -m 5 "http://127.0.0.1:$port/" >/dev/null
echo "curl after stop: exit $?"
for ((i = 0; i < 100; i++)); do
  [ -s svc/log/main/current ] && grep -q 'home.example.com=good' svc/log/main/current && break
  sleep 0.1
done
sed 's/^@[0-9a-f]\{24\} //' svc/log/main/current | grep '^tinydnsdyn:'
