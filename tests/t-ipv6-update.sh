# IPv6 and dual-stack updates: each family rewrites only its own lines
# (:28: generic AAAA, :*.host:28: wildcards; +, =, +*. for IPv4), nothing
# is ever added, answers echo the addresses of the families the host has
# (IPv4 first), and a real tinydns serves the result
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+d.example.com:192.0.2.1:300
:d.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300
+*.d.example.com:192.0.2.1:300
:*.d.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:600::
:D.Example.COM.:16:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
+a.example.com:192.0.2.2
:s.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\003
=r.example.com:192.0.2.4
:R.EXAMPLE.COM.:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\004
EOF2
adduser alice alice-pw
startserver
starttinydns

U='/nic/update?hostname'
A=(-u alice:alice-pw)
echo '--- v6 only: only the :28: lines change'
req "$U=d.example.com&myip=2001:db8::10" "${A[@]}"
showdyn
echo '--- v4 only: only the A lines change'
req "$U=d.example.com&myip=192.0.2.10" "${A[@]}"
showdyn
echo '--- both, then both again (nochg, nothing written)'
req "$U=d.example.com&myip=192.0.2.11,2001:db8::11" "${A[@]}"
snap
req "$U=d.example.com&myip=2001:DB8:0::11,192.0.2.11" "${A[@]}"
req "$U=d.example.com&myip=192.0.2.11%2C2001%3Adb8%3A%3A11" "${A[@]}"
same
echo '--- one family changed of two'
req "$U=d.example.com&myip=192.0.2.11,2001:db8::12" "${A[@]}"
echo '--- myipv6 adds the IPv6 address'
req "$U=d.example.com&myip=192.0.2.13&myipv6=2001:db8::13" "${A[@]}"
echo '--- myipv6 replaces the one in myip'
req "$U=d.example.com&myip=192.0.2.14,2001:db8::99&myipv6=2001:db8::14" "${A[@]}"
echo '--- myipv6 without myip: TCPREMOTEIP for IPv4'
req "$U=d.example.com&myipv6=2001:db8::15" "${A[@]}"
echo '--- empty items and an empty myipv6 are skipped'
req "$U=d.example.com&myip=192.0.2.16,&myipv6=" "${A[@]}"
req "$U=d.example.com&myip=,2001:db8::16" "${A[@]}"
showdyn
echo '--- dual-stack request, host with one family'
req "$U=a.example.com&myip=192.0.2.20,2001:db8::20" "${A[@]}"
req "$U=s.example.com&myip=192.0.2.20,2001:db8::20" "${A[@]}"
req "$U=r.example.com&myip=2001:db8::21,192.0.2.21" "${A[@]}"
echo '--- one family the host lacks: nohost, nothing written'
snap
req "$U=a.example.com&myip=2001:db8::22" "${A[@]}"
req "$U=s.example.com&myip=192.0.2.22" "${A[@]}"
req "$U=s.example.com&myip=::ffff:192.0.2.22" "${A[@]}"
req "$U=s.example.com" "${A[@]}"
same
echo '--- mapped IPv4 counts as IPv4'
req "$U=a.example.com&myip=::ffff:192.0.2.23" "${A[@]}"
echo '--- several hosts, dual-stack'
req "$U=d.example.com,a.example.com,s.example.com,nothere.example.com,bad_name&myip=192.0.2.30,2001:db8::30" "${A[@]}"
echo '--- refused: two of a family, IPv4 in myipv6'
snap
req "$U=d.example.com&myip=192.0.2.31,192.0.2.32" "${A[@]}"
req "$U=d.example.com&myip=2001:db8::31,2001:db8::32" "${A[@]}"
req "$U=d.example.com&myip=192.0.2.31,2001:db8::31,192.0.2.32" "${A[@]}"
req "$U=d.example.com&myip=::ffff:192.0.2.31,192.0.2.32" "${A[@]}"
req "$U=d.example.com&myip=192.0.2.31&myipv6=192.0.2.32" "${A[@]}"
req "$U=d.example.com&myip=192.0.2.31&myipv6=::ffff:192.0.2.32" "${A[@]}"
req "$U=d.example.com&myip=192.0.2.31&myipv6=2001:db8::31,2001:db8::32" "${A[@]}"
req "$U=d.example.com&myip=192.0.2.31&myipv6=1::2::3" "${A[@]}"
req "$U=d.example.com&myip=192.0.2.31+2001:db8::31" "${A[@]}"
same
echo '--- empty items, encoded commas'
req "$U=d.example.com&myip=%2C192.0.2.40%2C%2C2001:db8::40%2c" "${A[@]}"
echo '--- data.dyn'
showdyn
echo '--- dns'
for h in d.example.com x.d.example.com a.example.com s.example.com r.example.com; do
  echo "$h: $(dig_a $h | paste -sd' ') / $(dig_aaaa $h | paste -sd' ')"
done
notemp
