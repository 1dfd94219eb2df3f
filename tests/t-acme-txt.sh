# ACME DNS-01: txt= adds challenge values for the user's own hosts,
# action=set replaces them, action=del removes one or all; tinydns
# serves them as soon as the answer is good; addresses stay as they are
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:60
=h2.example.com:192.0.2.2:60
:h3.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\003:60
EOF2
adduser alice alice-pw h1.example.com,h2.example.com,h3.example.com
startserver
starttinydns
V1=gfj9Xq-rIDP0Bx9mpHpWZ8LcHgkT2y9KHx7m5Y0X3nE
V2=Zn4Pq1sYB8vR0kQeT7wLmA3xCdUiOj6HgF2NbW5yE9c

echo '--- add one value (certbot calls its hook once per value)'
req1 "/nic/update?hostname=h1.example.com&txt=$V1" -u alice:alice-pw
dig_txt _acme-challenge.h1.example.com
echo '--- the same value again: nochg, nothing written'
snap
req1 "/nic/update?hostname=h1.example.com&txt=$V1" -u alice:alice-pw
same
echo '--- a second value (wildcard and base name): both served'
req1 "/v3/update?hostname=h1.example.com&txt=$V2" -u alice:alice-pw
dig_txt _acme-challenge.h1.example.com
showacme
ttdcheck 3600
# tinydns gives a TTL-0 line the seconds it has left: 3600 at most
dig_txtttl _acme-challenge.h1.example.com |
  awk '$1 > 3500 && $1 <= 3600 { n++ } END { print n " TTLs in 3501..3600" }'
echo '--- delete one'
req1 "/nic/update?hostname=h1.example.com&action=del&txt=$V1" -u alice:alice-pw
dig_txt _acme-challenge.h1.example.com
echo '--- delete it again: nochg'
req1 "/nic/update?hostname=h1.example.com&action=del&txt=$V1" -u alice:alice-pw
echo '--- two values at once, several hosts, the path /'
req1 "/?hostname=h1.example.com,h2.example.com,h3.example.com&txt=$V1,$V2" -u alice:alice-pw
dig_txt _acme-challenge.h1.example.com
dig_txt _acme-challenge.h2.example.com
dig_txt _acme-challenge.h3.example.com
showacme
echo '--- action=set replaces every value of the host'
req1 "/nic/update?hostname=h1.example.com&action=set&txt=only-this-one" -u alice:alice-pw
req1 "/nic/update?hostname=h1.example.com&action=set&txt=only-this-one" -u alice:alice-pw
dig_txt _acme-challenge.h1.example.com
echo '--- action=del without txt removes them all; so does an empty txt'
req1 "/nic/update?hostname=h2.example.com&action=del" -u alice:alice-pw
req1 "/nic/update?hostname=h3.example.com&txt=" -u alice:alice-pw
req1 "/nic/update?hostname=h3.example.com&txt=" -u alice:alice-pw
dig_txt _acme-challenge.h2.example.com
dig_txt _acme-challenge.h3.example.com
echo '--- a TXT request changes no address, even with myip'
req1 "/nic/update?hostname=h2.example.com&txt=$V1&myip=198.51.100.99" -u alice:alice-pw
dig_a h2.example.com
echo '--- an address update keeps the challenge lines byte for byte'
grep "^'" root/data.dyn > before
req1 "/nic/update?hostname=h1.example.com,h2.example.com&myip=198.51.100.1" -u alice:alice-pw
grep "^'" root/data.dyn | cmp - before && echo "challenge lines unchanged"
dig_a h1.example.com
dig_txt _acme-challenge.h1.example.com
showacme
echo '--- a data file without its last newline gets one before the new line'
printf '%s' "$(cat root/data.dyn)" > root/data.dyn.new && mv root/data.dyn.new root/data.dyn
showacme | tail -2
req1 "/nic/update?hostname=h3.example.com&txt=$V2" -u alice:alice-pw
showacme
dig_txt _acme-challenge.h3.example.com
echo '--- make fails: dnserr; asking again publishes it'
cp root/Makefile Makefile.good
printf 'all:\n\tfalse\n' > root/Makefile
req1 "/nic/update?hostname=h2.example.com&txt=after-dnserr" -u alice:alice-pw
dig_txt _acme-challenge.h2.example.com
cp Makefile.good root/Makefile
req1 "/nic/update?hostname=h2.example.com&txt=after-dnserr" -u alice:alice-pw
dig_txt _acme-challenge.h2.example.com
echo '--- the log'
grep -o 'alice 200 txt:.*' log
notemp data.dyn.abuse
