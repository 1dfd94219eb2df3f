# a user with a domain list may update only those hosts (case-insensitive,
# trailing dot ignored); others answer nohost and nothing is written
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
+*.h2.example.com:192.0.2.2
+x.h2.example.com:192.0.2.5
+h3.example.com:192.0.2.3
+example.com:192.0.2.4
+h2.example.com.example.net:192.0.2.6
EOF
adduser alice alice-pw
adduser bob bob-pw 'h2.example.com,H3.example.com.'
startserver

B=(-u bob:bob-pw)
snap
echo '--- bob: not his hosts'
req '/nic/update?hostname=h1.example.com&myip=198.51.100.1' "${B[@]}"
req '/nic/update?hostname=x.h2.example.com&myip=198.51.100.1' "${B[@]}"
req '/nic/update?hostname=example.com&myip=198.51.100.1' "${B[@]}"
req '/nic/update?hostname=h2.example.com.example.net&myip=198.51.100.1' "${B[@]}"
req '/nic/update?hostname=h2.example.co&myip=198.51.100.1' "${B[@]}"
req '/nic/update?hostname=2.example.com&myip=198.51.100.1' "${B[@]}"
same
echo '--- bob: his hosts'
req '/nic/update?hostname=h2.example.com&myip=198.51.100.2' "${B[@]}"
req '/nic/update?hostname=h3.example.com&myip=198.51.100.3' "${B[@]}"
snap
req '/nic/update?hostname=H2.Example.Com.&myip=198.51.100.2' "${B[@]}"
same
echo '--- bob: mixed'
req '/nic/update?hostname=h1.example.com,h2.example.com,h3.example.com.&myip=198.51.100.9' "${B[@]}"
showdyn
echo '--- alice: any host'
req '/nic/update?hostname=h1.example.com,x.h2.example.com&myip=192.0.2.10' -u alice:alice-pw
showdyn
