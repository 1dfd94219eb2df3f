# 1000 clients at once, each changing its own host, while handlers are
# killed (kill -9) at random points and the holder of the data lock (a
# leader applying everyone's waiting changes) is stopped (SIGSTOP) for
# a while, with waiting handlers killed meanwhile, and let go: every
# client that heard good finds its address in data.dyn and in the
# data.cdb tinydns serves at the end; data.dyn is whole (every line
# there, each well formed); nothing is left behind; and the service
# answers the next request at once.
. "$TESTS/lib.sh" || exit 1

n=${N:-1000}
{
  for ((i = 1; i <= 50000; i++)); do printf '+f%05d.example.com:192.0.2.1:300\n' $i; done
  for ((i = 1; i <= n; i++)); do printf '+h%04d.example.com:192.0.2.1:300\n' $i; done
} | mkroot
adduser alice alice-pw
TCPOPTS=(-c 1100)
startserver TIMEOUT=60

# the process holding data.dyn.lock's flock, from /proc/locks (bash
# builtins only: cheap enough to look often)
lockholder() {
  local n kind adv mode pid dev rest
  [ -n "$INO" ] || INO=$(stat -c %i root/data.dyn.lock 2>/dev/null) || return
  while read -r n kind adv mode pid dev rest; do
    [ "$kind" = FLOCK ] && [ "$mode" = WRITE ] && [ "${dev##*:}" = "$INO" ] && { echo "$pid"; return; }
  done < /proc/locks
}

# the faults, while the clients are at it: every 20-60 ms kill one
# random handler (with its make, if any), and stop the data lock's
# holder (a leader) for 2 s, killing five of the handlers waiting on it
# meanwhile: in each round until one was stopped, then every tenth, until
# the clients are done. The faults do not depend on how fast the burst
# goes: while a leader is stopped, the other clients' handlers are
# there, waiting.
# (killone SPARE: a random handler other than SPARE)
killone() {
  local hs p
  hs=($(pgrep -P "$SERVERPID" | grep -vx "${1:-0}"))
  [ ${#hs[@]} -gt 0 ] || return 1
  p=${hs[RANDOM % ${#hs[@]}]}
  pkill -KILL -P "$p" 2>/dev/null
  kill -KILL "$p" 2>/dev/null
}
faults() {
  local round=0 l k killed=0 stopped=0
  while [ ! -e stop ]; do
    round=$((round + 1))
    killone && killed=$((killed + 1))
    if [ $stopped = 0 ] || [ $((round % 10)) = 0 ]; then
      for ((k = 0; k < 200; k++)); do
        l=$(lockholder)
        [ -n "$l" ] && break
        sleep 0.01
      done
      if [ -n "$l" ] && kill -STOP "$l" 2>/dev/null; then
        stopped=$((stopped + 1))
        for k in 1 2 3 4 5; do
          sleep 0.4
          killone "$l" && killed=$((killed + 1))
        done
        kill -CONT "$l" 2>/dev/null
      fi
    fi
    sleep 0.0$((RANDOM % 5 + 2))
  done
  echo "$killed $stopped" > faults
}

mkdir out
start=$(date +%s)
nice -n -15 bash -c "$(declare -f faults killone lockholder); SERVERPID=$SERVERPID; faults" &
faulter=$!
clients=()
for ((i = 1; i <= n; i++)); do
  (
    h=$(printf 'h%04d.example.com' $i)
    body=$(curl -sS -m 100 -u alice:alice-pw \
      "http://127.0.0.1:$PORT/nic/update?hostname=$h&myip=198.51.100.$((i % 250 + 1))" 2>/dev/null)
    echo "$body" > out/$i
  ) &
  clients+=($!)
done
wait "${clients[@]}"
touch stop
wait "$faulter"
read killed stopped < faults
settle

good=0 lost=0 other=0
for ((i = 1; i <= n; i++)); do
  h=$(printf 'h%04d.example.com' $i)
  ip=198.51.100.$((i % 250 + 1))
  case $(cat out/$i) in
    "good $ip"|"nochg $ip")
      good=$((good + 1))
      grep -qx "+$h:$ip:300" root/data.dyn || { echo "lost from data.dyn: $h"; lost=$((lost + 1)); }
      [ "$(lookup $h a)" = "$h 300 A $ip" ] || { echo "not served: $h: $(lookup $h a)"; lost=$((lost + 1)); } ;;
    *) other=$((other + 1)) ;;
  esac
done
echo "good answers lost or unpublished: $lost"
# enough of them went through for the check to mean something
[ $good -ge $((n / 4)) ] && echo "at least a quarter answered good" || echo "only $good answered good"
echo "faults: $([ $killed -ge 5 ] && echo 'handlers killed') $([ $stopped -ge 1 ] && echo 'leader stopped')"
echo "($good good, $other other, $killed killed, $stopped stops, $(( $(date +%s) - start )) s)" >&2

lines=$(wc -l < root/data.dyn)
badlines=$(grep -vc '^+[fh][0-9]*\.example\.com:[0-9.]*:300$' root/data.dyn)
echo "data.dyn: $([ "$lines" = $((50000 + n)) ] && echo "every line there" || echo "$lines lines"), $badlines malformed"

echo '--- the next request, at once, and nothing left behind'
req '/nic/update?hostname=h0001.example.com&myip=192.0.2.99' -u alice:alice-pw -m 60
lookup h0001.example.com a
# answers of killed waiters are kept an hour: the only files allowed
notemp $(cd root && ls | grep '^data\.dyn\.res\.[0-9.]*$')
