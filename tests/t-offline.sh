# offline=YES: without $OFFLINEIP nothing is written and make does not
# run (nochg, nohost as usual); with $OFFLINEIP the hosts are parked there
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
:h1.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
+h2.example.com:192.0.2.2
:h6.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\006
EOF2
countmakefile
adduser alice alice-pw
startserver

A=(-u alice:alice-pw)
H='hostname=h1.example.com,h2.example.com,h6.example.com,nothere.example.com'
echo '--- no OFFLINEIP: nothing changes'
snap
req "/nic/update?$H&myip=198.51.100.1&offline=YES" "${A[@]}"
req "/nic/update?$H&myip=198.51.100.1,2001:db8::99&offline=yes" "${A[@]}"
req "/nic/update?hostname=h2.example.com&offline=Yes" "${A[@]}"
same
made
echo '--- offline=YES does not excuse a bad address'
req "/nic/update?$H&myip=198.51.100.300&offline=YES" "${A[@]}"
same
echo '--- other values: a normal update'
req "/nic/update?hostname=h2.example.com&myip=198.51.100.2&offline=NO" "${A[@]}"
req "/nic/update?hostname=h2.example.com&myip=198.51.100.3&offline=NOCHG" "${A[@]}"
req "/nic/update?hostname=h2.example.com&myip=198.51.100.4&offline=YESS" "${A[@]}"
made
echo '--- OFFLINEIP: parked'
startserver OFFLINEIP=192.0.2.254
req "/nic/update?$H&myip=198.51.100.5,2001:db8::5&offline=YES" "${A[@]}"
showdyn
startserver OFFLINEIP=192.0.2.253,2001:db8::dead
req "/nic/update?$H&offline=YES" "${A[@]}"
req "/nic/update?$H&offline=YES" "${A[@]}"
showdyn
made
echo '--- OFFLINEIP that is no address list: 911 for offline=YES only'
req "/nic/update?hostname=h1.example.com&myip=198.51.100.9" "${A[@]}"
snap
for bad in 192.0.2.300 192.0.2.1,192.0.2.2 , ' '; do
  startserver OFFLINEIP="$bad"
  req "/nic/update?hostname=h1.example.com&offline=YES" "${A[@]}"
  req "/nic/update?hostname=h1.example.com&myip=198.51.100.9" "${A[@]}"
done
same
stopserver
grep -c 'OFFLINEIP must be' log
