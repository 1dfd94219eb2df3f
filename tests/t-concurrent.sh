# parallel requests: every update lands (the lock serialises writers) and
# data.cdb ends up matching data.dyn
. "$TESTS/lib.sh" || exit 1

for i in $(seq 1 10); do echo "+h$i.example.com:192.0.2.1:300"; done | mkroot
adduser alice alice-pw
startserver

echo '--- 10 hosts at once'
pids=()
for i in $(seq 1 10); do
  req "/nic/update?hostname=h$i.example.com&myip=198.51.100.$i" -u alice:alice-pw > out.$i &
  pids+=($!)
done
wait "${pids[@]}"
for i in $(seq 1 10); do paste -sd' ' out.$i; done
showdyn
for i in $(seq 1 10); do lookup h$i.example.com a; done
echo '--- one host, 10 addresses at once'
pids=()
for i in $(seq 1 10); do
  req "/nic/update?hostname=h1.example.com,h2.example.com&myip=192.0.2.$((100 + i))" -u alice:alice-pw > out.$i &
  pids+=($!)
done
wait "${pids[@]}"
cat out.* | grep -c '^good 192\.0\.2\.1[01][0-9]$'
settle
sed -n 's/^+h1.example.com:\(.*\):300$/\1/p' root/data.dyn > ip1
sed -n 's/^+h2.example.com:\(.*\):300$/\1/p' root/data.dyn > ip2
case $(cat ip1) in 192.0.2.10[1-9]|192.0.2.110) echo 'h1 has one of the addresses' ;; *) echo "h1: $(cat ip1)" ;; esac
cmp -s ip1 ip2 && echo 'h1 and h2 agree' || echo "h1 $(cat ip1), h2 $(cat ip2)"
grep -c . root/data.dyn
[ "$(lookup h1.example.com a)" = "h1.example.com 300 A $(cat ip1)" ] &&
  echo 'data.cdb matches data.dyn' || echo "data.cdb: $(lookup h1.example.com a)"
notemp
