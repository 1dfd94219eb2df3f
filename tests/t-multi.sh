# several hosts in one request: one answer line per host, in request order
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.10
+h3.example.com:192.0.2.3
=h4.example.com:192.0.2.4:300
EOF
adduser alice alice-pw
startserver

echo '--- good, nochg, nohost, notfqdn, good'
req '/nic/update?hostname=h1.example.com,h2.example.com,nothere.example.com,bad_name.example.com,h3.example.com&myip=192.0.2.10' -u alice:alice-pw
showdyn
echo '--- reversed order'
req '/nic/update?hostname=h4.example.com,h3.example.com,h1.example.com&myip=198.51.100.2' -u alice:alice-pw
showdyn
echo '--- dns'
lookup h1.example.com a
lookup h2.example.com a
lookup h3.example.com a
lookup h4.example.com a
notemp
