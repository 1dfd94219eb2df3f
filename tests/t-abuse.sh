# abuse limits: MAXPERHOUR changes of one host an hour, MININTERVAL
# seconds between changes; nochg does not count; other hosts in the same
# request go on; the failed-login delay grows per client address; the
# handler refuses to run as root unless told
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
+h3.example.com:192.0.2.3:300
+h4.example.com:192.0.2.4:300
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

echo '--- counted at the time of the check, not of a request read before:'
echo '    A waits (read first), B changes h4 meanwhile, then A leads: abuse'
startserver MAXPERHOUR=1
hasentry() { ls root | grep -q '^data\.dyn\.req\.'; }
exec 7>> root/data.dyn.lock
flock 7
req1 '/nic/update?hostname=h4.example.com&myip=198.51.100.11' -u alice:alice-pw > a.out 7>&- &
a=$!
waitfor hasentry
apid=$(ls root | sed -n 's/^data\.dyn\.req\.\([0-9]*\)\..*/\1/p')
kill -STOP "$apid"
sleep 2 # A's clock is now at least a second older than B's
exec 7>&-
echo "B: $(req1 '/nic/update?hostname=h4.example.com&myip=198.51.100.12' -u alice:alice-pw)"
kill -CONT "$apid"
wait "$a"
echo "A: $(cat a.out)"
grep '^+h4' root/data.dyn
stopserver

echo '--- the clock went back: a change counted up to an hour ahead still'
echo '    counts; one further ahead is from a clock that was wrong'
startserver MAXPERHOUR=1
now=$(date +%s)
printf '%s %d %d 1\n' h1.example.com $((now + 600)) $((now + 600)) \
  h2.example.com $((now + 7200)) $((now + 7200)) > root/data.dyn.abuse
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.201' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.202' -u alice:alice-pw
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
