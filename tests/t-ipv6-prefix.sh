# IPv6 prefix updates: ADDRESS/LEN in myip, myipv6 (and its aliases),
# ip6lanprefix or ipv6prefix changes the top LEN bits of every IPv6 line
# of each named host and keeps the rest (its interface identifier); the
# answer echoes the prefix; LEN is 8..128 (/128 is a plain address);
# anything else is refused and nothing is written; a real tinydns serves
# the result
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

# box ::1, nas 211:32ff:fe00:1 (an EUI-64), printer ::50 in subnet 7
# of the same /56, wildcard and TTL fields that must stay
mkroot <<'EOF2'
+box.example.com:192.0.2.1
:box.example.com:28:\040\001\015\270\000\001\000\002\000\000\000\000\000\000\000\001
:nas.example.com:28:\040\001\015\270\000\001\000\002\002\021\062\377\376\000\000\001:300
:*.nas.example.com:28:\040\001\015\270\000\001\000\002\002\021\062\377\376\000\000\001:300::
:printer.example.com:28:\040\001\015\270\000\001\000\007\000\000\000\000\000\000\000\120
:bad.example.com:28:\040\001
EOF2
adduser alice alice-pw
startserver
starttinydns

A=(-u alice:alice-pw)
U=/nic/update?hostname
show() {
  local h
  for h in box.example.com nas.example.com x.nas.example.com printer.example.com; do
    echo "  $h: $(dig_aaaa $h | paste -sd' ')"
  done
}

echo '--- myip=v4,prefix: IPv4 set, each IPv6 line keeps its interface id'
req "$U=box.example.com,nas.example.com,printer.example.com&myip=192.0.2.10,2001:db8:aa:bb::/64" "${A[@]}"
show
echo '--- the same again: nochg, nothing written'
snap
req "$U=box.example.com,nas.example.com&myip=192.0.2.10,2001:db8:aa:bb::/64" "${A[@]}"
same
echo '--- host bits of the value are ignored; the echo has them cleared'
req "$U=nas.example.com&myipv6=2001:db8:aa:cc::99/64" "${A[@]}"
show
echo '--- /56 keeps the subnet byte; /59 an odd length'
req "$U=nas.example.com,printer.example.com&ip6lanprefix=2001:db8:1:200::/56&myip=192.0.2.10" "${A[@]}"
show
req "$U=nas.example.com&ipv6prefix=2001:db8:1:2e0::/59&myip=192.0.2.10" "${A[@]}"
show
echo '--- ip6lanprefix replaces the IPv6 address in myip'
req "$U=box.example.com&myip=192.0.2.10,2001:db8:ffff::1&ip6lanprefix=2001:db8:3:4::/64" "${A[@]}"
show
echo '--- ... and the one in the IPv6 parameter (dynv6 template for a FRITZ!Box)'
req "$U=box.example.com&ipv4=192.0.2.10&ipv6=2001:db8:ffff::1&ipv6prefix=2001:db8:3:5::/64" "${A[@]}"
req1 "$U=box.example.com&ip=192.0.2.10&ip6=2001:db8:ffff::1&ip6lanprefix=2001:db8:3:6::/64" "${A[@]}"
show
echo '--- /128 is a plain address'
req "$U=box.example.com&myip=2001:db8::5/128" "${A[@]}"
show
echo '--- an IPv6 line without a readable address gets the prefix and zeros'
req "$U=bad.example.com&myip=2001:db8:9::/48" "${A[@]}"
grep '^:bad' root/data.dyn
echo '--- refused, nothing written'
snap
for v in 'myip=2001:db8::/0' 'myip=2001:db8::/7' 'myip=2001:db8::/129' 'myip=2001:db8::/064' \
         'myip=2001:db8::/' 'myip=2001:db8::/64x' 'myip=2001:db8::/+64' 'myip=/64' \
         'myip=2001:db8::/64/64' 'myip=ff02::/64' 'myip=::ffff:192.0.2.0/120' \
         'myip=192.0.2.0/24' 'myip=2001:db8::/64,2001:db8::1' 'myip=2001:db8::1,2001:db8::/64' \
         'ip6lanprefix=2001:db8::1' 'ip6lanprefix=2001:db8::1/128' 'ip6lanprefix=192.0.2.1' \
         'myipv4=192.0.2.0/24' 'myipv6=2001:db8:1::/64&ip6lanprefix=2001:db8::/64' \
         'ip6=2001:db8:1::/48&ipv6prefix=2001:db8::/64' 'ip6lanprefix=2001:db8::/64&ipv6prefix=2001:db8::/64'
do
  printf '%s -> ' "$v"
  req1 "$U=nas.example.com&$v" "${A[@]}"
done
same
echo '--- empty prefix values count as missing (a box without IPv6)'
req "$U=nas.example.com,box.example.com&myip=192.0.2.20,&ip6lanprefix=" "${A[@]}"
echo '--- log'
grep -o 'tinydnsdyn: .*' log | grep -v '=good\|=nochg' | sort | uniq -c | sed 's/^ *//'
grep -c 'nas.example.com=good:2001:db8:aa:cc::/64' log
showdyn
notemp
stopserver
echo '--- prefix changes count for MAXPERHOUR=2 like address changes'
startserver MAXPERHOUR=2
for p in 2001:db8:e1::/48 2001:db8:e2::/48 2001:db8:e3::/48 2001:db8:e2::/48; do
  req1 "$U=printer.example.com&ip6lanprefix=$p" "${A[@]}"
done
