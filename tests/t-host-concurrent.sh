# tinydnsdyn-host never loses a concurrent update: while clients stream
# updates for their hosts (one sequential curl loop per host), hosts are
# added and removed; at the end every host's last answered good address
# is in data.dyn and in data.cdb, the added hosts are there, the removed
# ones are gone, and the status file counted every answer
. "$TESTS/lib.sh"
H=$TOP/tinydnsdyn-host

for i in 1 2 3 4; do echo "+h$i.example.com:192.0.2.$i:300"; done | mkroot
adduser alice alice-pw
startserver

# worker K: updates hK with 198.51.100.1, .2, ... until told to stop
# (and at least 10 times); every answer line goes to ans.K
worker() {
  local k=$1 n=0
  while [ ! -e stop ] || [ $n -lt 10 ]; do
    n=$((n + 1))
    echo "$n $(curl -sS -m 30 -u alice:alice-pw \
      "http://127.0.0.1:$PORT/nic/update?hostname=h$k.example.com&myip=198.51.100.$((n % 250 + 1))" 2>&1)" >> ans.$k
  done
}
pids=()
for k in 1 2 3 4; do worker $k & pids+=($!); done

# meanwhile: add x1..x8, removing x1..x4 again as we go
fails=0
for i in 1 2 3 4 5 6 7 8; do
  "$H" root add x$i.example.com 203.0.113.$i > host.out 2>> host.err || fails=$((fails + 1))
  if [ $i -gt 4 ]; then
    "$H" root remove x$((i - 4)).example.com > host.out 2>> host.err || fails=$((fails + 1))
  fi
done
echo "tinydnsdyn-host failures: $fails"
touch stop
wait "${pids[@]}"
settle

for k in 1 2 3 4; do
  total=$(wc -l < ans.$k)
  good=$(grep -c ' good 198\.51\.100\.[0-9]*$' ans.$k)
  [ "$good" = "$total" ] && echo "h$k: every answer good" ||
    { echo "h$k: $good of $total good:"; grep -v ' good ' ans.$k | head -3; }
  last=$(grep ' good ' ans.$k | tail -1 | awk '{print $3}')
  indyn=$(sed -n "s/^+h$k\.example\.com:\(.*\):300$/\1/p" root/data.dyn)
  incdb=$(lookup h$k.example.com a | awk '{print $4}')
  [ "$indyn" = "$last" ] && echo "h$k: last good address in data.dyn" || echo "h$k: data.dyn has '$indyn', last good was '$last'"
  [ "$incdb" = "$last" ] && echo "h$k: last good address in data.cdb" || echo "h$k: data.cdb has '$incdb', last good was '$last'"
  # the status file counted each good (its good= field) and none lost
  counted=$(awk -v h="h$k.example.com" '$1 == h {for (i = 2; i <= NF; i++) if ($i ~ /^good=/) print substr($i, 6)}' root/data.dyn.status)
  [ "$counted" = "$good" ] && echo "h$k: status counted every good" || echo "h$k: status counted '$counted' of $good"
done
for i in 1 2 3 4 5 6 7 8; do
  printf 'x%s: data.dyn %s, ' $i "$(grep -c "^+x$i\.example\.com:203\.0\.113\.$i:300$" root/data.dyn)"
  lookup x$i.example.com a
done
grep -c . root/data.dyn
notemp
