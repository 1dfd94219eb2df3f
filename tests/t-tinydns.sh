# end to end: a real tinydns serves the new address after an update
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1:60
=h2.example.com:192.0.2.2:60
EOF
adduser alice alice-pw
startserver
starttinydns

echo '--- before'
dig_a h1.example.com
dig_a h2.example.com
echo '--- update'
req '/nic/update?hostname=h1.example.com,h2.example.com&myip=198.51.100.10' -u alice:alice-pw
echo '--- after'
dig_a h1.example.com
dig_a h2.example.com
echo '--- an injection attempt'
req '/nic/update?hostname=h1.example.com&myip=198.51.100.11%0A%2Bevil.example.com:6.6.6.6' -u alice:alice-pw
dig_a h1.example.com
dig_a evil.example.com
