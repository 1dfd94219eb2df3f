# disk full (issue #12): ROOT is a small tmpfs. With no room for the new
# data file, or no room for make's output, every client still gets an
# answer in time (911 or dnserr), data.dyn stays the old file byte for
# byte (or is the new one), no temporary file is left, nothing is
# written outside ROOT; once there is room again, the service works.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

mountroot 4m
{
  for ((i = 1; i <= 8000; i++)); do echo "+f$i.example.com:192.0.2.1:300"; done
  echo '+h1.example.com:192.0.2.1:300'
  echo '+h2.example.com:192.0.2.2:300'
} | mkroot
adduser alice alice-pw
startserver TIMEOUT=5 MAXPERHOUR=100 AUTHDELAYMAX=3
starttinydns
marker
# every file the handler keeps is there once, before the disk fills
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com' -u alice:wrong

echo '--- no room for a new data.dyn'
keepold
fill
for ip in 198.51.100.1 198.51.100.3; do
  treq 7 "/nic/update?hostname=h1.example.com&myip=$ip" -u alice:alice-pw
done
echo '--- a wrong password, with no room to count it'
treq 7 '/nic/update?hostname=h2.example.com' -u alice:wrong
oldornew <(withip 198.51.100.1 h1.example.com)
notemp filler data.dyn.abuse data.dyn.authfail
echo '--- room for data.dyn, not for make: dnserr'
rm root/filler
head -c $(( $(df --output=avail -B1 root | tail -1) - 400000 )) /dev/zero > root/filler
treq 7 '/nic/update?hostname=h1.example.com&myip=198.51.100.4' -u alice:alice-pw
oldornew <(withip 198.51.100.4 h1.example.com)
notemp filler data.dyn.abuse data.dyn.authfail data.new data.tmp
dig_a h1.example.com
echo '--- room again'
rm -f root/filler root/data.new root/data.tmp
recovers h1.example.com 198.51.100.5
settle
notemp data.dyn.abuse data.dyn.authfail
outside
