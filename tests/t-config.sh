# configuration errors: missing ROOT or PASSWD, a ROOT that does not exist,
# a data file that does not exist: a "tinydnsdyn: fatal:" log line, status
# 200 with body 911, exit 111, nothing written
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw

check() {  # check LABEL [startserver args]
  echo "--- $1"
  shift
  : > log
  startserver "$@"
  req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
  stopserver
  grep -q '^tinydnsdyn: fatal: ' log && echo 'fatal line logged' ||
    echo "no fatal line: $(grep -v '^tcpserver: ' log)"
  st=$(sed -n 's/^tcpserver: end [0-9]* status //p' log | tail -1)
  echo "exit $(( ${st:-0} >> 8 ))"
}

snap
check 'no ROOT' -u ROOT
check 'no PASSWD' -u PASSWD
check 'no ROOT, no PASSWD' -u ROOT -u PASSWD
check 'ROOT does not exist' "ROOT=$PWD/nonexistent"
check 'PASSWD does not exist' "PASSWD=$PWD/nonexistent"
check 'DATA does not exist' DATA=nonexistent.dyn
same
notemp nonexistent.dyn.lock
echo '--- all set'
: > log
startserver
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
stopserver
st=$(sed -n 's/^tcpserver: end [0-9]* status //p' log | tail -1)
echo "exit $(( ${st:-0} >> 8 ))"
