# +, = and +*. lines get the new address; ttl, timestamp, location and every
# other line are kept byte for byte
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
# dynamic hosts
+h1.example.com:192.0.2.5:300:4000000060000000:ex
=h2.example.com:192.0.2.6
+*.h1.example.com:192.0.2.5:600::

+H1.EXAMPLE.COM.:192.0.2.55:300
-h1.example.com:192.0.2.99:300
#+h1.example.com:192.0.2.98
Ch1alias.example.com:h1.example.com:300
@h1.example.com::mx.example.com:10
'h1.example.com:v=spf1 a -all
+h10.example.com:192.0.2.7
+xh1.example.com:192.0.2.8
+h1.example.com.example.net:192.0.2.9
=h2.example.com.example.net:192.0.2.9
+*.example.com:192.0.2.20:300
+h3.example.com:192.0.2.30:0:4000000060000000
# end, no newline
EOF
printf %s "$(cat root/data.dyn)" > root/data.dyn
adduser alice alice-pw
startserver

echo '--- h1'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
echo '--- h2'
req '/nic/update?hostname=h2.example.com&myip=198.51.100.7' -u alice:alice-pw
echo '--- h3'
req '/nic/update?hostname=h3.example.com&myip=198.51.100.8' -u alice:alice-pw
echo '--- data.dyn'
showdyn
echo '--- dns'
lookup h1.example.com a
lookup x.h1.example.com a
lookup h2.example.com a
lookup h10.example.com a
lookup other.example.com a
notemp
