# abuse limits: MAXPERHOUR changes of one host an hour, MININTERVAL
# seconds between changes; nochg does not count; other hosts in the same
# request go on; the failed-login delay grows per client address; the
# handler refuses to run as root unless told
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
+h3.example.com:192.0.2.3:300
EOF
adduser alice alice-pw
startserver MAXPERHOUR=2

echo '--- MAXPERHOUR=2'
for ip in 198.51.100.1 198.51.100.1 198.51.100.2 198.51.100.3; do
  req1 "/nic/update?hostname=h1.example.com,h2.example.com&myip=$ip" -u alice:alice-pw
done
showdyn
lookup h1.example.com a
grep -o 'h1.example.com=abuse' log | head -1
echo "abuse file lines: $(wc -l < root/data.dyn.abuse)"
stopserver

echo '--- MININTERVAL=3600'
startserver MININTERVAL=3600 MAXPERHOUR=0
req1 '/nic/update?hostname=h3.example.com&myip=198.51.100.7' -u alice:alice-pw
req1 '/nic/update?hostname=h3.example.com&myip=198.51.100.8' -u alice:alice-pw
req1 '/nic/update?hostname=h3.example.com&myip=198.51.100.7' -u alice:alice-pw
grep '^+h3' root/data.dyn
stopserver

echo '--- bad settings'
startserver MAXPERHOUR=lots
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.9' -u alice:alice-pw
grep -c 'fatal: $MAXPERHOUR is not a number' log
stopserver

echo '--- failed logins from one address wait longer each time (AUTHDELAYMAX=2)'
: > log
startserver AUTHDELAYMAX=2
for i in 1 2 3; do req1 '/nic/update?hostname=h2.example.com' -u alice:wrong; done
req1 '/nic/update?hostname=h2.example.com' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com'
stopserver
grep -o '401 badauth\| delayed [0-9]*s' log | paste -sd' ' | tr -s ' '

echo '--- not as root'
: > log
startserver ALLOWROOT=
req1 '/nic/update?hostname=h2.example.com' -u alice:alice-pw
stopserver
grep -c 'fatal: refusing to run as root' log
