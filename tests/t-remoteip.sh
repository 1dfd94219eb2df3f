# no myip, or an empty one: the client's address (TCPREMOTEIP) is used
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
+h3.example.com:127.0.0.1:300
EOF
adduser alice alice-pw
startserver

echo '--- no myip'
req '/nic/update?hostname=h1.example.com' -u alice:alice-pw
echo '--- empty myip'
req '/nic/update?hostname=h2.example.com&myip=' -u alice:alice-pw
echo '--- no myip, already set'
snap
req '/nic/update?hostname=h3.example.com' -u alice:alice-pw
echo '--- empty myip first, already set'
req '/nic/update?myip=&hostname=h2.example.com' -u alice:alice-pw
same
showdyn
lookup h1.example.com a
