# = lines publish a PTR: never one for an address whose reverse name
# lies in a zone the served data.cdb has an SOA for (issue #12, item
# 11). The whole host is refused (abuse, log note ptr-in-served-zone),
# its lines untouched; + lines and other hosts are updated as usual;
# an address outside the served reverse zones is written. The same for
# the 6 lines of patched tinydns-data.
. "$TESTS/lib.sh" || exit 1
buildhelper cdbtest

mkroot <<'EOF2'
=h.example.com:198.51.100.1:300
+h.example.com:198.51.100.1:300
+p.example.com:198.51.100.3:300
EOF2
# data.static changed within make's second: build anew
rebuild() {
  rm -f root/data
  (cd root && make -s) >&2 || die "make failed"
}

# the operator's reverse zone for 192.0.2.0/24, and its own PTR in it
printf '%s\n' '.2.0.192.in-addr.arpa:192.0.2.1:a:259200' \
  '=gw.example.com:192.0.2.77:300' >> root/data.static
rebuild
adduser alice alice-pw
startserver
starttinydns

dig_ptr() {
  local out
  out=$(dig +short +norec +time=2 +tries=3 "@$DNSIP" -x "$1" 2>&1 | sort)
  if [ -n "$out" ]; then echo "$out"; else echo "$1: no answer"; fi
}

echo '--- before'
dig_ptr 192.0.2.77
echo '--- myip in the served reverse zone: h refused whole, p updated'
snap
req '/nic/update?hostname=h.example.com,p.example.com&myip=192.0.2.77' -u alice:alice-pw
showdyn
grep -o 'h.example.com=abuse ptr-in-served-zone p.example.com=good:192.0.2.77' log
dig_ptr 192.0.2.77
dig_a h.example.com
dig_a p.example.com
echo '--- again: the same answer, nothing written'
snap
req '/nic/update?hostname=h.example.com&myip=192.0.2.77' -u alice:alice-pw
same
echo '--- named twice, and beside a host that has no line'
req1 '/nic/update?hostname=h.example.com,nope.example.com,h.example.com&myip=192.0.2.77' -u alice:alice-pw
echo '--- the network address and the zone edges'
req1 '/nic/update?hostname=h.example.com&myip=192.0.2.0' -u alice:alice-pw
req1 '/nic/update?hostname=h.example.com&myip=192.0.2.255' -u alice:alice-pw
same
echo '--- myip outside every served zone: written, PTR in data.cdb'
req '/nic/update?hostname=h.example.com&myip=198.51.100.9' -u alice:alice-pw
showdyn
dig_a h.example.com
echo 9.100.51.198.in-addr.arpa | ./cdbtest get root/data.cdb
echo '--- tinydns serves no PTR outside its zones'
lookup 9.100.51.198.in-addr.arpa ptr
dig_ptr 192.0.2.77

echo '--- the operator adds 198.51.100.0/24: no = line may move into it'
echo '.100.51.198.in-addr.arpa:192.0.2.1:a:259200' >> root/data.static
rebuild
snap
req '/nic/update?hostname=h.example.com&myip=198.51.100.10' -u alice:alice-pw
same
echo '--- a host with only + lines is not concerned'
req '/nic/update?hostname=p.example.com&myip=198.51.100.10' -u alice:alice-pw

echo '--- data.cdb missing (a root never built): no zone served yet'
mv root/data.cdb root/data.cdb.away
req '/nic/update?hostname=h.example.com&myip=192.0.2.78' -u alice:alice-pw
showdyn
echo '--- data.cdb broken: 911, nothing written'
snap
head -c 100 root/data.cdb.away > root/data.cdb
req '/nic/update?hostname=h.example.com&myip=198.51.100.11' -u alice:alice-pw
same
grep -c 'fatal: unable to read data.cdb: protocol error' log
echo '--- ... but only a request that would change an = line reads it'
req '/nic/update?hostname=p.example.com&myip=198.51.100.12' -u alice:alice-pw
rm root/data.cdb
mv root/data.cdb.away root/data.cdb

echo '--- 6 lines (patched tinydns-data; this one lacks them: make leaves them out)'
stopserver
cat > root/data.dyn <<'EOF2'
6v.example.com:20010db8000000000000000000000001:300
:v.example.com:28:\040\001\015\270\000\001\000\000\000\000\000\000\000\000\000\001:300
:w.example.com:28:\040\001\015\270\000\001\000\000\000\000\000\000\000\000\000\001:300
EOF2
printf '%s\n' 'data.cdb: data' '	/usr/sbin/tinydns-data' \
  'data: data.static data.dyn' '	grep -v "^6" data.dyn | cat data.static - > data.new' \
  '	mv data.new data' > root/Makefile
# the operator serves 2001:db8::/48
echo '.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa:192.0.2.1:a:259200' >> root/data.static
rebuild
startserver
req '/nic/update?hostname=v.example.com,w.example.com&myip=2001:db8::5' -u alice:alice-pw
req '/nic/update?hostname=v.example.com&myip=2001:db8:1::5' -u alice:alice-pw
showdyn
notemp data.dyn.abuse

echo '--- a prefix: each 6 line gets the prefix and its own low bits, and the'
echo '--- PTR rule looks at that address (the operator serves 2001:db8:aaaa::/48)'
stopserver
cat > root/data.dyn <<'EOF2'
6x.example.com:30010db8aaaa00000000000000000053:300
+x.example.com:198.51.100.3:300
6y.example.com:30010db8bbbb00000000000000000053:300
EOF2
echo '.a.a.a.a.8.b.d.0.1.0.0.2.ip6.arpa:192.0.2.1:a:259200' >> root/data.static
rebuild
startserver
snap
for p in 'myip=2000::/8' 'myipv6=2000::/8' 'myip=198.51.100.4&ip6lanprefix=2000::/8' 'myip=2001:db8:aaaa::53'; do
  req1 "/nic/update?hostname=x.example.com&$p" -u alice:alice-pw
done
same
grep -c 'x.example.com=abuse ptr-in-served-zone' log
echo '--- the same prefix for a line whose address stays outside: written'
req '/nic/update?hostname=y.example.com&myip=2000::/8' -u alice:alice-pw
showdyn
echo '--- OFFLINEIP in a served reverse zone: = lines stay'
stopserver
printf '%s\n' '=o.example.com:198.51.100.20:300' > root/data.dyn
rebuild
startserver OFFLINEIP=192.0.2.99
snap
req1 '/nic/update?hostname=o.example.com&offline=YES' -u alice:alice-pw
same
grep -c 'o.example.com=abuse ptr-in-served-zone' log
