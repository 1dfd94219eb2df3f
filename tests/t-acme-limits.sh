# ACME DNS-01 limits: at most 8 values a host (adding a ninth is
# abuse for that host, nothing written for it; set and del still work);
# MAXPERHOUR counts challenge changes apart from address changes, and
# MININTERVAL does not apply to them (certbot adds two values and
# removes them a moment apart)
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:60
+h2.example.com:192.0.2.2:60
EOF2
adduser alice alice-pw h1.example.com,h2.example.com
startserver
starttinydns

echo '--- 8 values, then a ninth'
req1 '/nic/update?hostname=h1.example.com&txt=v1,v2,v3,v4,v5' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&txt=v6,v7,v8' -u alice:alice-pw
snap
req1 '/nic/update?hostname=h1.example.com&txt=v9' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&txt=v1,v9' -u alice:alice-pw
same
echo '--- the other host of the request goes on'
req1 '/nic/update?hostname=h1.example.com,h2.example.com&txt=v9' -u alice:alice-pw
echo '--- values already there are no new ones'
req1 '/nic/update?hostname=h1.example.com&txt=v8,v1' -u alice:alice-pw
dig_txt _acme-challenge.h1.example.com | paste -sd' '
echo '--- set and del still work'
req1 '/nic/update?hostname=h1.example.com&action=set&txt=v9' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&txt=v1,v2,v3,v4,v5,v6,v7' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&action=del&txt=v9' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&txt=v8' -u alice:alice-pw
dig_txt _acme-challenge.h1.example.com | paste -sd' '
stopserver

echo '--- MAXPERHOUR=3, MININTERVAL=3600'
startserver MAXPERHOUR=3 MININTERVAL=3600
req1 '/nic/update?hostname=h2.example.com&txt=a' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&txt=b' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&txt=b' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&action=del' -u alice:alice-pw
snap
req1 '/nic/update?hostname=h2.example.com&txt=c' -u alice:alice-pw
same
echo '--- the address of the same host is counted apart'
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.3' -u alice:alice-pw
echo '--- and the challenge count of another host'
req1 '/nic/update?hostname=h1.example.com,h2.example.com&action=del' -u alice:alice-pw
grep -o ' txt:.*abuse.*' log
stopserver

echo '--- 300 values written by hand: more edits than dyn_scan keeps'
startserver
future=$(tailabel 3000)
for ((i = 0; i < 300; i++)); do
  printf "'_acme-challenge.h1.example.com:hand-%d:0:%s\n" $i "$future"
done >> root/data.dyn
echo '+h3.example.com:192.0.2.3:60' >> root/data.dyn
(cd root && make -s) >&2
req1 '/nic/update?hostname=h1.example.com&txt=one-more' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&action=set&txt=hand-7,hand-299,new' -u alice:alice-pw
showacme
dig_txt _acme-challenge.h1.example.com
stopserver

echo '--- ACMELIFETIME must be 1 to 604800'
for v in 0 604801 soon ''; do
  startserver "ACMELIFETIME=$v"
  req1 '/nic/update?hostname=h1.example.com&txt=x' -u alice:alice-pw
  stopserver
done
grep -c 'fatal: $ACMELIFETIME is not a number in its range' log
startserver ACMELIFETIME=604800
req1 '/nic/update?hostname=h1.example.com&action=set&txt=x' -u alice:alice-pw
ttdcheck 604800
