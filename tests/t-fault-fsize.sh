# a file size limit (ulimit -f, RLIMIT_FSIZE) smaller than data.dyn: the
# handler gets EFBIG instead of dying by SIGXFSZ (no answer, no log line
# of its own, its temporary file left), so the client hears 911 and the
# log says why; with room for data.dyn but not for data.cdb, make fails
# (dnserr); without the limit the service recovers. tinydnsdyn-host
# says so too.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

{
  for ((i = 1; i <= 5000; i++)); do echo "+f$i.example.com:192.0.2.1:300"; done
  echo '+h1.example.com:192.0.2.1:300'
} | mkroot
adduser alice alice-pw
starttinydns
marker
keepold

limited() {  # limited KIB: a server whose handlers may write KIB KiB a file
  : > log
  startserver TIMEOUT=5
  prlimit --pid "$SERVERPID" --fsize=$(($1 * 1024)) || die "prlimit failed"
}

echo '--- no room for a new data.dyn (limit 100 KiB, data.dyn 160 KiB)'
limited 100
treq 7 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
stopserver
grep -c '^tinydnsdyn: fatal: unable to write temporary file: file too large; ' log
st=$(sed -n 's/^tcpserver: end [0-9]* status //p' log | tail -1)
echo "handler exit $(( ${st:-0} >> 8 )), signal $(( ${st:-0} & 127 ))"
oldornew /dev/null
notemp

echo '--- room for data.dyn, not for data.cdb (limit 200 KiB): dnserr'
limited 200
treq 7 '/nic/update?hostname=h1.example.com&myip=198.51.100.2' -u alice:alice-pw
stopserver
grep -c 'h1.example.com=dnserr; make failed: ' log
oldornew <(withip 198.51.100.2 h1.example.com)
dig_a h1.example.com
notemp data.tmp

echo '--- tinydnsdyn-host under the limit'
(ulimit -f 100; "$TOP/tinydnsdyn-host" root add h2.example.com 198.51.100.9) 2>&1
echo "exit $?"
notemp data.tmp

echo '--- no limit'
startserver TIMEOUT=5
recovers h1.example.com 198.51.100.3
stopserver
notemp data.tmp
outside
