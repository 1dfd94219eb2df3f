# kill -9 under a burst (issue #12): 40 clients at once while handlers
# are killed at random. No client hangs; each answer is a right one or
# none (its handler died); data.dyn is whole, every host line old or
# new; a good answer means the address is served; then the service
# works for everyone, with no lock or temporary file left behind.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

n=40
{
  for ((i = 1; i <= 50000; i++)); do echo "+f$i.example.com:192.0.2.1:300"; done
  for ((i = 1; i <= n; i++)); do printf '+h%02d.example.com:192.0.2.1:300\n' $i; done
} | mkroot
# a slow make, so that handlers pile up waiting for it (and get killed)
printf '%s\n' \
  'data.cdb: data' \
  '	sleep 0.5' \
  '	/usr/sbin/tinydns-data' \
  'data: data.static data.dyn' \
  '	cat data.static data.dyn > data.new' \
  '	mv data.new data' > root/Makefile
adduser alice alice-pw
startserver TIMEOUT=5
starttinydns
marker
keepold

mkdir out
pids=()
for ((i = 1; i <= n; i++)); do
  (
    t0=$(ms)
    body=$(curl -sS -m 30 -u alice:alice-pw \
      "http://127.0.0.1:$PORT/nic/update?hostname=$(printf h%02d $i).example.com&myip=198.51.100.$i" 2>/dev/null)
    echo "$(( $(ms) - t0 )) $(echo $body)" > out/$i
  ) &
  pids+=($!)
done
killed=0
for ((k = 0; k < 200; k++)); do
  victims=($(pgrep -P "$SERVERPID"))
  [ ${#victims[@]} -gt 0 ] || { kill -0 "${pids[@]}" 2>/dev/null && continue; break; }
  # one handler in three, and sometimes what it started (the watchdog)
  for v in "${victims[@]}"; do
    [ $((RANDOM % 3)) = 0 ] || continue
    [ $((RANDOM % 2)) = 0 ] && kill -KILL $(pgrep -P "$v") 2>/dev/null
    kill -KILL "$v" 2>/dev/null && killed=$((killed + 1))
  done
  sleep 0.$((RANDOM % 3))
done
wait "${pids[@]}"
echo "handlers killed: $killed" >&2

late=0; bad=0; unserved=0
for ((i = 1; i <= n; i++)); do
  read -r el ans < out/$i
  [ "$el" -le 7000 ] || { late=$((late + 1)); echo "client $i: $el ms" >&2; }
  h=$(printf h%02d $i).example.com
  case $ans in
    "good 198.51.100.$i")
      [ "$(cd root && tinydns-get a $h | sed -n 's/^answer: [^ ]* [0-9]* A //p')" = 198.51.100.$i ] ||
        unserved=$((unserved + 1)) ;;
    ''|911) ;;
    *) bad=$((bad + 1)); echo "client $i: $ans" >&2 ;;
  esac
done
echo "clients answered late or never closed: $late"
echo "wrong answers: $bad"
echo "good but not served: $unserved"

settle
# every line the old one or its host's new one, in the old order
broken=$(awk -v n=$n 'NR == FNR { old[FNR] = $0; len = FNR; next }
  { if (FNR > len) { bad++; next }
    if ($0 == old[FNR]) next
    if (match(old[FNR], /^\+h[0-9][0-9]\.example\.com:/)) {
      i = substr(old[FNR], 3, 2) + 0
      if ($0 == sprintf("+h%02d.example.com:198.51.100.%d:300", i, i)) next
    }
    bad++ }
  END { if (FNR != len) bad++; print bad + 0 }' .old.data.dyn root/data.dyn)
echo "data.dyn lines neither old nor new: $broken"

echo '--- everyone again'
bad=0
for ((i = 1; i <= n; i++)); do
  h=$(printf h%02d $i).example.com
  out=$(req1 "/nic/update?hostname=$h&myip=198.51.100.$i" -u alice:alice-pw)
  case $out in
    "HTTP 200 good 198.51.100.$i"|"HTTP 200 nochg 198.51.100.$i") ;;
    *) bad=$((bad + 1)); echo "$h: $out" >&2 ;;
  esac
done
echo "not answered good or nochg: $bad"
dig_a h01.example.com
dig_a h$n.example.com
served=0
for ((i = 1; i <= n; i++)); do
  [ "$(cd root && tinydns-get a $(printf h%02d $i).example.com | sed -n 's/^answer: [^ ]* [0-9]* A //p')" = 198.51.100.$i ] &&
    served=$((served + 1))
done
echo "served: $served of $n"
settle
# a waiter killed after a leader applied its change leaves its entry,
# with an answer nobody takes: the next rewrite removes it (INTERNALS),
# and a nochg writes nothing, so it may still be there
notemp $(cd root && ls | grep '^data\.dyn\.req\.[0-9.]*$')
req1 "/nic/update?hostname=h01.example.com&myip=198.51.100.201" -u alice:alice-pw
echo "entries left after the next rewrite: $(cd root && ls | grep -c '^data\.dyn\.req\.')"
outside
