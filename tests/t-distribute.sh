# Distribution with the example data.Makefile: its SECONDARIES list set
# to two local directories, each served by its own tinydns; after an
# update both answer with the new address. A secondary that cannot be
# reached fails make (dnserr) and is caught up by the next request.
# axfrdns serves the same data.cdb by AXFR with a higher SOA serial, as
# a BIND secondary would fetch it.
. "$TESTS/lib.sh"
. "$TESTS/lib-tls.sh"

mkdir -p root/build sec1/root sec2/root
cat > root/data <<'EOF2'
Zexample.com:ns1.example.com:hostmaster.example.com::300:60:1209600:60
&example.com::ns1.example.com
+ns1.example.com:192.0.2.53
EOF2
echo '+h1.example.com:192.0.2.1:60' > root/data.dyn
sed "s|^SECONDARIES =.*|SECONDARIES = $PWD/sec1/root/ $PWD/sec2/root/|" \
  "$TOP/data.Makefile" > root/Makefile
grep -q '^SECONDARIES = /' root/Makefile && echo 'SECONDARIES set in the example Makefile'
(cd root && make) > make.out 2>&1 || die "first make failed: $(cat make.out)"
grep '^rsync' make.out | sed "s|$PWD|PWD|"
adduser alice alice-pw

starttinydnsat "$PWD/sec1/root"; DNS1=$DNSIP
starttinydnsat "$PWD/sec2/root"; DNS2=$DNSIP
printf '127.0.0.1:allow,AXFR="example.com"\n:deny\n' > axfr.rules
startaxfrdns "$PWD/root"
startserver

both() {  # both NAME: the A answers of each secondary
  DNSIP=$DNS1; echo "sec1: $(dig_a "$1" | paste -sd' ')"
  DNSIP=$DNS2; echo "sec2: $(dig_a "$1" | paste -sd' ')"
}
serial() {
  axfr example.com | awk '$2 == "SOA" { print $5; exit }'
}

echo '--- before'
both h1.example.com
s1=$(serial)
axfr example.com | grep -v SOA
sleep 1.1   # the serial is data's modification time in seconds

echo '--- an update'
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
both h1.example.com
cmp -s root/data.cdb sec1/root/data.cdb && cmp -s root/data.cdb sec2/root/data.cdb &&
  echo "both copies are the primary's data.cdb"
s2=$(serial)
[ "$s2" -gt "$s1" ] && echo "AXFR: the SOA serial went up"
axfr example.com | grep -v SOA

echo '--- sec2 unreachable: dnserr; sec1 has it, sec2 not yet'
mv sec2 sec2.away
sleep 1.1
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.11' -u alice:alice-pw
mv sec2.away sec2
both h1.example.com
grep -c 'make failed' log
echo '--- the next request copies again'
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.11' -u alice:alice-pw
both h1.example.com
[ "$(serial)" -gt "$s2" ] && echo "AXFR: the SOA serial went up again"
axfr example.com | grep 'h1\.'
