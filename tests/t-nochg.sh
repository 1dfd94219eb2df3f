# nochg writes nothing (same inode, mtime, content) and does not run make;
# a real change does both
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.10:300
=h2.example.com:192.0.2.10
+h3.example.com:192.0.2.10
+h3.example.com:192.0.2.12
EOF
countmakefile
adduser alice alice-pw
startserver

snap
echo '--- h1 again'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
same
made
echo '--- h1, h2 again'
req '/nic/update?hostname=h1.example.com,H2.example.com.&myip=192.0.2.10' -u alice:alice-pw
same
made
notemp made
echo '--- h3 has one stale line'
req '/nic/update?hostname=h3.example.com&myip=192.0.2.10' -u alice:alice-pw
same
made
showdyn
snap
echo '--- h3 again'
req '/nic/update?hostname=h3.example.com&myip=192.0.2.10' -u alice:alice-pw
same
made
echo '--- h1 new address'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.99' -u alice:alice-pw
same
made
showdyn
lookup h1.example.com a
notemp made

echo '--- data.cdb removed (an operator, a cleanup script): a nochg runs make first'
snap
rm root/data.cdb
req1 "/nic/update?hostname=h1.example.com&myip=192.0.2.99" -u alice:alice-pw
same
made
lookup h1.example.com a
req1 "/nic/update?hostname=h1.example.com&myip=192.0.2.99" -u alice:alice-pw
made
notemp made
