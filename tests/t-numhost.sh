# up to 20 hosts per request; 21 answer numhost (one line), nothing written
. "$TESTS/lib.sh" || exit 1

for i in $(seq 1 21); do
  echo "+h$i.example.com:192.0.2.1"
done | mkroot
adduser alice alice-pw
startserver

list() {  # list FROM TO SEP
  local i out=
  for i in $(seq "$1" "$2"); do
    out+="${out:+$3}h$i.example.com"
  done
  printf '%s' "$out"
}

snap
echo '--- 21 hosts'
req "/nic/update?hostname=$(list 1 21 ,)&myip=192.0.2.10" -u alice:alice-pw
echo '--- 21 hosts, %2C'
req "/nic/update?hostname=$(list 1 21 %2C)&myip=192.0.2.10" -u alice:alice-pw
echo '--- 21 hosts, some invalid'
req "/nic/update?hostname=$(list 1 19 ,),bad_host,nothere.example.com&myip=192.0.2.10" -u alice:alice-pw
same
echo '--- 20 hosts'
req "/nic/update?hostname=$(list 1 20 ,)&myip=192.0.2.10" -u alice:alice-pw
showdyn
lookup h20.example.com a
lookup h21.example.com a
