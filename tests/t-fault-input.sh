# input edge cases (issue #12): addresses no host can have are refused
# (badagent) whether they come from myip, myipv6 or the client's own
# address; loopback stays allowed. A parameter given twice
# (hostname=a&hostname=b) is refused instead of silently using the
# last one. Nothing is written for any of them.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
:h1.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300
+h2.example.com:192.0.2.2:300
EOF2
adduser alice alice-pw
startserver
marker
snap

U='/nic/update?hostname=h1.example.com'
echo '--- no host has these addresses'
for a in 0.0.0.0 0.1.2.3 255.255.255.255 224.0.0.1 239.255.255.250 240.0.0.1 \
         :: ff02::1 ff0e::1 ::ffff:0.0.0.0 ::ffff:224.0.0.251 \
         192.0.2.9,ff02::1 ::,192.0.2.9
do
  echo "myip=$a: $(req1 "$U&myip=$a" -u alice:alice-pw)"
done
for a in :: ff02::1; do
  echo "myipv6=$a: $(req1 "$U&myip=192.0.2.1&myipv6=$a" -u alice:alice-pw)"
done
same
echo '--- loopback is an address like any other'
req1 "$U&myip=127.0.0.1" -u alice:alice-pw
req1 "$U&myip=::1" -u alice:alice-pw
req1 "$U" -u alice:alice-pw
stopserver
snap

echo '--- no client address at all (no $TCPREMOTEIP): not 0.0.0.0'
startserver -u TCPREMOTEIP
req1 "$U" -u alice:alice-pw
same
stopserver

echo '--- a parameter twice (the last: ; separates nothing, the value is no host name)'
startserver
for q in 'hostname=h1.example.com&hostname=h2.example.com&myip=192.0.2.50' \
         'hostname=h1.example.com&myip=192.0.2.50&myip=192.0.2.51' \
         'hostname=h1.example.com&myip=192.0.2.50&myip=192.0.2.50' \
         'hostname=h1.example.com&hostnam%65=h1.example.com&myip=192.0.2.50' \
         'hostname=h1.example.com&myip=192.0.2.50&myipv6=2001:db8::5&myipv6=2001:db8::6' \
         'hostname=h1.example.com&offline=YES&offline=NO' \
         'hostname=h1.example.com&txt=a&txt=b' \
         'hostname=h1.example.com&txt=a&action=add&action=del' \
         'hostname=h1.example.com;hostname=h2.example.com&myip=192.0.2.50'
do
  echo "$q: $(req1 "/nic/update?$q" -u alice:alice-pw)"
done
same
echo "logged: $(grep -c ' repeated:[a-z0-9]* badagent' log)"
echo '--- once each, it works'
req1 '/nic/update?hostname=h1.example.com,h2.example.com&myip=192.0.2.50&system=dyndns&system=x' -u alice:alice-pw
stopserver
notemp
outside
