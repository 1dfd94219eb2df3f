# curl as the seed and the docs use it: user:pass in the URL, -u, the
# three paths, raw and encoded comma lists, IPv4, IPv6 and dual-stack
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
:h1.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
+h2.example.com:192.0.2.2
:h2.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\002
EOF2
adduser alice alice-pw
startserver

echo '--- seed form'
req "http://alice:alice-pw@127.0.0.1:$PORT/?hostname=h1.example.com,h2.example.com&myip=192.0.2.10"
echo '--- /nic/update with -u'
req '/nic/update?hostname=h1.example.com,h2.example.com&myip=192.0.2.11' -u alice:alice-pw
echo '--- /v3/update, encoded list, IPv6'
req '/v3/update?hostname=h1.example.com%2Ch2.example.com&myip=2001:db8::11' -u alice:alice-pw
echo '--- seed form, dual-stack'
req "http://alice:alice-pw@127.0.0.1:$PORT/?hostname=h1.example.com,h2.example.com&myip=192.0.2.12,2001:db8::12"
echo '--- -G --data-urlencode'
req /nic/update -G --data-urlencode 'hostname=h1.example.com,h2.example.com' \
  --data-urlencode 'myip=192.0.2.12' --data-urlencode 'myipv6=2001:db8::13' -u alice:alice-pw
showdyn
lookup h2.example.com a
lookup h2.example.com aaaa
