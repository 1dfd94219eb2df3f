# +*.HOST lines belong to HOST: updating h1.example.com touches
# +*.h1.example.com but not +*.example.com; updating example.com does
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+example.com:192.0.2.21:300
+*.example.com:192.0.2.20:300
+*.h1.example.com:192.0.2.22:300
+h1.example.com:192.0.2.23:300
+*.h8.example.com:192.0.2.8:300
EOF
adduser alice alice-pw
startserver

echo '--- h1'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
showdyn
echo '--- example.com'
req '/nic/update?hostname=example.com&myip=198.51.100.1' -u alice:alice-pw
showdyn
echo '--- h8.example.com (only a wildcard line)'
req '/nic/update?hostname=h8.example.com&myip=198.51.100.8' -u alice:alice-pw
showdyn
echo '--- *.example.com is not a hostname'
snap
req '/nic/update?hostname=*.example.com&myip=198.51.100.2' -u alice:alice-pw
req '/nic/update?hostname=%2A.example.com&myip=198.51.100.2' -u alice:alice-pw
same
echo '--- dns'
lookup example.com a
lookup other.example.com a
lookup x.h1.example.com a
lookup h1.example.com a
lookup y.h8.example.com a
notemp
