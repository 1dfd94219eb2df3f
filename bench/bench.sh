#!/bin/bash
# bench/bench.sh (make bench): figures, not tests. Everything runs here
# on 127.0.0.1, side by side in one run, in a temporary directory.
# BENCH_QUICK=1 runs smaller numbers (a smoke test of this script).
# BENCH_SKIPSLOW=1 leaves out the slow references of row 4 (make per
# update and tinydyndns-update, 1000 times on 1,000,000 lines).
# BENCH_ROWS="1 3" runs only those rows; BENCH_ROWS= only builds the
# tools. Run as root (tinydnsdyn gets ALLOWROOT=1, and no abuse limit).
# The tools (bench-*.c, beside this script) are built into the temp dir
# with conf-cc and conf-ld and the top-level libraries: run make first.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/tinydnsdyn-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$tmp" || exit 111

cc=$(head -1 "$top/conf-cc"); ld=$(head -1 "$top/conf-ld")
for b in "$top"/bench/bench-*.c; do
  n=$(basename "$b" .c)
  $cc -I"$top" -c "$b" &&
    $ld -o "$n" "$n.o" "$top/buffer.a" "$top/alloc.a" "$top/byte.a" ||
    { echo "bench: $n.c does not build (run make first)" >&2; exit 111; }
done

quick=${BENCH_QUICK-}
rows=${BENCH_ROWS-1 2 3 4 5 6 7}   # which rows to run (all)
want() { case " $rows " in *" $1 "*) return 0 ;; esac; return 1; }
nochgtotal=2000; burst=200; reps=15; sizes="1000 10000 100000 1000000"
[ -n "$quick" ] && { nochgtotal=200; burst=40; reps=3; sizes="1000 10000"; }

hash() { perl -e 'print crypt($ARGV[0],$ARGV[1])' "$1" "$2"; }
echo "md5user:$(hash pw '$1$benchslt$')" > passwd
echo "yesuser:$(hash pw '$y$j9T$benchbenchbenchb$')" >> passwd
b64() { printf '%s' "$1" | base64 -w0; }
request() { # request HOSTS MYIP USER
  printf 'GET /nic/update?hostname=%s&myip=%s HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: bench\r\nAuthorization: Basic %s\r\n\r\n' \
    "$1" "$2" "$(b64 "$3:pw")"
}
# as the run script has it: the environment set once, for tcpserver (not
# an env run for every connection), and a backlog (-b) that holds a
# burst: with tcpserver's default of 20, the connections past it lose
# their SYN and try again a second later
server() { # server DIR CONC PROG [env...]: starts tcpserver, sets port
  local dir=$1 conc=$2 prog=$3; shift 3
  : > "$dir.port"
  env ALLOWROOT=1 MAXPERHOUR=0 "$@" tcpserver -1 -c "$conc" -b 1024 -vDRHl0 127.0.0.1 0 "$prog" > "$dir.port" 2> "$dir.log" &
  srv=$!; pids+=("$srv")
  while [ ! -s "$dir.port" ]; do sleep 0.05; done
  port=$(cat "$dir.port")
}
stopsrv() { kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { awk -v k="$1" '{for (i=1;i<NF;i++) if ($(i+1)==k) print $i}'; } # value before word k

mkdata() { # mkdata DIR LINES: data.dyn with LINES lines, h000001.. first
  local d=$1 n=$2
  mkdir -p "$d"
  echo '.example.com:192.0.2.53:a:259200' > "$d/data.static"
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "+h%06d.example.com:192.0.2.1:300\n", i }' > "$d/data.dyn"
  printf '%s\n' 'all: data.cdb' '	echo ran >> made' 'data.cdb: data' '	tinydns-data' \
    'data: data.static data.dyn' '	cat data.static data.dyn > data.new' '	mv data.new data' > "$d/Makefile"
  (cd "$d" && make -s >/dev/null && rm -f made)
}

echo "tinydnsdyn benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo

# 1. nochg throughput vs the ceiling
if want 1; then
mkdata nochg 1000
request h000001.example.com 192.0.2.1 md5user > req.md5
request h000001.example.com 192.0.2.1 yesuser > req.yes
server ceil 40 "$tmp/bench-ceiling"
ceil=$("$tmp/bench-load" "$port" 8 "$nochgtotal" req.md5); stopsrv
server nochg 40 "$top/tinydnsdyn" ROOT="$tmp/nochg" PASSWD="$tmp/passwd"
md5=$("$tmp/bench-load" "$port" 8 "$nochgtotal" req.md5)
yes=$("$tmp/bench-load" "$port" 8 $((nochgtotal / 4)) req.yes); stopsrv
c=$(echo "$ceil" | field req/s); m=$(echo "$md5" | field req/s); y=$(echo "$yes" | field req/s)
echo "1. nochg requests/s through tcpserver -c 40, 8 clients at once"
printf '   %-44s %8s req/s  (%s)\n' "ceiling: handler writes a fixed answer" "$c" "$(echo "$ceil" | cut -d' ' -f7-)"
printf '   %-44s %8s req/s  %3d%% of ceiling (%s)\n' "tinydnsdyn, MD5-crypt user (\$1\$, 0.1 ms)" "$m" $((m * 100 / c)) "$(echo "$md5" | cut -d' ' -f7-)"
printf '   %-44s %8s req/s  %3d%% of ceiling (%s)\n' "tinydnsdyn, yescrypt user (\$y\$, ~25 ms)" "$y" $((y * 100 / c)) "$(echo "$yes" | cut -d' ' -f7-)"
echo

fi

# 2. one changed update, make excluded (make is /bin/true), vs cp
if want 2; then
mkdir -p fakebin; ln -sf /bin/true fakebin/make
echo "2. one changed update (a host in the middle of the file), make excluded, median of $reps; peak RSS of the handler"
for n in $sizes; do
  mkdata "s$n" "$n"
  : > t.dyn; : > t.cp; : > t.dd; : > t.rss
  for ((i = 1; i <= reps; i++)); do
    request "$(printf h%06d $((n / 2))).example.com" "198.51.100.$((i % 200 + 1))" md5user > req.one
    env PATH="$tmp/fakebin:$PATH" ALLOWROOT=1 MAXPERHOUR=0 ROOT="$tmp/s$n" PASSWD="$tmp/passwd" TCPREMOTEIP=127.0.0.1 \
      "$tmp/bench-rss" "$top/tinydnsdyn" < req.one > /dev/null 2> out.rss
    grep ' KiB$' out.rss | tail -1 | awk '{print $1}' >> t.dyn
    grep ' KiB$' out.rss | tail -1 | awk '{print $3}' >> t.rss
    "$tmp/bench-rss" cp "s$n/data.dyn" cp.out 2> out.cp
    awk '{print $1}' out.cp >> t.cp
    # the same copy made durable, as tinydnsdyn makes its file
    "$tmp/bench-rss" dd if="s$n/data.dyn" of=cp.out bs=1M conv=fsync status=none 2> out.dd
    awk '{print $1}' out.dd >> t.dd
  done
  d=$(median < t.dyn); k=$(median < t.cp); f=$(median < t.dd); r=$(sort -n t.rss | tail -1)
  printf '   %7d lines: tinydnsdyn %7d us, cp %7d us (ratio %s), cp+fsync %7d us (ratio %s), peak RSS %s KiB\n' \
    "$n" "$d" "$k" "$(awk -v a="$d" -v b="$k" 'BEGIN { printf "%.2f", a / b }')" \
    "$f" "$(awk -v a="$d" -v b="$f" 'BEGIN { printf "%.2f", a / b }')" "$r"
done
echo

fi

# 3 and 4. a burst of changed updates to distinct hosts, real make:
# group commit, make per update, and tinydyndns-update (which edits
# data.cdb itself, under setlock); rewrites: data.dyn replacements
# (the written count in data.dyn.lock)
burstrow() { # burstrow ROW LINES N: hosts spread over the file (STRIDE)
  local row=$1 lines=$2 n=$3 mode out makes label rw stride=$((($2 - 1) / $3))
  request "h@@@@@@.example.com" 198.51.100.1 md5user > req.burst1
  request "h@@@@@@.example.com" 198.51.100.2 md5user > req.burst2
  echo "$row. $n concurrent changed updates (distinct hosts), tinydns-data on $lines lines, tcpserver -c $n"
  for mode in 1 0; do
    if [ $mode = 0 ] && [ -n "${BENCH_SKIPSLOW-}" ] && [ "$lines" -ge 1000000 ]; then
      echo "   make per update (GROUPCOMMIT=0): skipped (BENCH_SKIPSLOW: about $n makes of a $lines-line file)"
      continue
    fi
    rm -rf burst; mkdata burst "$lines"
    server burst "$n" "$top/tinydnsdyn" ROOT="$tmp/burst" PASSWD="$tmp/passwd" GROUPCOMMIT=$mode TIMEOUT=3600 STATUS=0
    out=$(STRIDE=$stride "$tmp/bench-load" "$port" "$n" "$n" req.burst$((2 - mode))); stopsrv
    makes=$(wc -l < burst/made 2>/dev/null || echo 0)
    rw=$(sed 's/^0*\([0-9]\)/\1/; s/ .*//' burst/data.dyn.lock 2>/dev/null || echo 0)
    label="group commit"; [ $mode = 0 ] && label="make per update (GROUPCOMMIT=0)"
    printf '   %-34s wall %9s ms, makes %4d, rewrites %4d, p50 %9s ms, p99 %9s ms, failed %s\n' "$label" \
      "$(echo "$out" | field ms | head -1)" "$makes" "$rw" "$(echo "$out" | awk '{print $8}')" "$(echo "$out" | awk '{print $11}')" "$(echo "$out" | awk '{print $NF}')"
    echo "$out" | field ms | head -1 > "burst.wall.$mode"
  done
  if [ -n "${BENCH_SKIPSLOW-}" ] && [ "$lines" -ge 1000000 ]; then
    echo "   tinydyndns-update: skipped (BENCH_SKIPSLOW)"
  elif command -v tinydyndns-update > /dev/null; then
    rm -rf tdd tdd.lat tdd.fail; mkdata tdd "$lines"
    cd tdd
    s0=$(date +%s%N)
    for ((i = 1; i <= n; i++)); do
      ( a=$(date +%s%N)
        setlock data.lock tinydyndns-update "$(printf 'h%06d.example.com' $((i * stride)))" 198.51.100.3 > /dev/null 2>&1 || echo fail >> ../tdd.fail
        b=$(date +%s%N); echo $(( (b - a) / 1000 )) >> ../tdd.lat ) &
    done
    wait
    s1=$(date +%s%N)
    cd ..
    echo $(( (s1 - s0) / 1000000 )) > burst.wall.tdd
    printf '   %-34s wall %9s ms, makes    0, rewrites %4d, p50 %9s ms, p99 %9s ms, failed %s\n' "tinydyndns-update (setlock)" \
      "$(cat burst.wall.tdd)" "$n" "$(median < tdd.lat | awk '{printf "%.2f", $1/1000}')" \
      "$(sort -n tdd.lat | awk '{a[NR]=$1} END {printf "%.2f", a[int(NR*0.99)]/1000}')" "$(cat tdd.fail 2>/dev/null | wc -l)"
    awk -v g="$(cat burst.wall.1)" -v m="$(cat burst.wall.0)" -v t="$(cat burst.wall.tdd)" \
      'BEGIN { printf "   group commit is %.1fx faster than make per update, %.1fx faster than tinydyndns-update\n", m / g, t / g }'
  else
    echo "   tinydyndns-update: not installed (apt-get install tinydyndns)"
  fi
  echo
}
if want 3; then
  if [ -n "$quick" ]; then burstrow 3 10000 40; else burstrow 3 100000 200; fi
fi

# 4. the big burst: 1000 changes on 1,000,000 lines
if want 4; then
  if [ -n "$quick" ]; then burstrow 4 20000 100; else burstrow 4 1000000 1000; fi
fi

# 5. nochg requests/s while a burst of changes is written, against idle
if want 5; then
  l7=100000; b7=1000; n7=2000; [ -n "$quick" ] && { l7=10000; b7=100; n7=300; }
  rm -rf nb; mkdata nb "$l7"
  request "$(printf h%06d $l7).example.com" 192.0.2.1 md5user > req.nb   # not one the burst changes
  request "h@@@@@@.example.com" 198.51.100.7 md5user > req.nbburst
  server nb 1200 "$top/tinydnsdyn" ROOT="$tmp/nb" PASSWD="$tmp/passwd" TIMEOUT=3600 STATUS=0
  idle=$("$tmp/bench-load" "$port" 8 "$n7" req.nb)
  # the burst's hosts spread over the file, never the polled one
  STRIDE=$((l7 / b7 - 1)) "$tmp/bench-load" "$port" "$b7" "$b7" req.nbburst > nb.burst &
  bpid=$!
  sleep 0.5
  during=$("$tmp/bench-load" "$port" 8 "$n7" req.nb)
  wait "$bpid"; stopsrv
  i7=$(echo "$idle" | field req/s); d7=$(echo "$during" | field req/s)
  echo "5. nochg requests/s (8 clients, $l7 lines), idle and during a burst of $b7 changes"
  printf '   %-20s %6s req/s, p50 %8s ms, p99 %8s ms\n' "idle" "$i7" "$(echo "$idle" | awk '{print $8}')" "$(echo "$idle" | awk '{print $11}')"
  printf '   %-20s %6s req/s, p50 %8s ms, p99 %8s ms (%d%% of idle; the burst: %s)\n' "during the burst" "$d7" \
    "$(echo "$during" | awk '{print $8}')" "$(echo "$during" | awk '{print $11}')" $((d7 * 100 / i7)) "$(cut -d' ' -f1-4 nb.burst)"
  echo
fi

# 6. polling: routers asking every few minutes, a few percent of them
# with a new address: a steady load over a minute
if want 6; then
  r8=3000; s8=60; [ -n "$quick" ] && { r8=300; s8=10; }
  rm -rf poll; mkdir -p poll
  echo '.example.com:192.0.2.53:a:259200' > poll/data.static
  # every 33rd router has a new address to tell: 3 %
  awk -v n=100000 'BEGIN { for (i = 1; i <= n; i++) printf "+h%06d.example.com:192.0.2.%d:300\n", i, (i % 33 == 0) ? 2 : 1 }' > poll/data.dyn
  cp burst/Makefile poll/ 2>/dev/null || printf '%s\n' 'all: data.cdb' '	echo ran >> made' 'data.cdb: data' '	tinydns-data' \
    'data: data.static data.dyn' '	cat data.static data.dyn > data.new' '	mv data.new data' > poll/Makefile
  (cd poll && make -s > /dev/null && rm -f made)
  request "h@@@@@@.example.com" 192.0.2.1 md5user > req.poll
  server poll 200 "$top/tinydnsdyn" ROOT="$tmp/poll" PASSWD="$tmp/passwd" TIMEOUT=3600
  # routers spread over the file; 31 is prime to 33: still every 33rd
  out=$(STRIDE=31 "$tmp/bench-load" "$port" 64 "$r8" req.poll $((r8 / s8)))
  cpu=$(awk '{print $16 + $17}' /proc/$srv/stat)
  stopsrv
  echo "6. polling: $r8 routers over $s8 s ($((r8 / s8))/s), 3 % with a new address, 100000 lines, MD5-crypt users"
  printf '   p50 %s ms, p99 %s ms, failed %s, makes %s, CPU per request %s ms (handlers and make)\n' \
    "$(echo "$out" | awk '{print $8}')" "$(echo "$out" | awk '{print $11}')" "$(echo "$out" | awk '{print $NF}')" \
    "$(wc -l < poll/made 2>/dev/null || echo 0)" "$(awk -v c="$cpu" -v n="$r8" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", c * 1000 / hz / n }')"
  echo
fi

# 7. what the status file costs a nochg: the same nochg with it and
# with STATUS=0, alternately, one client at a time (p50: the cost of one
# request) and 8 at once (req/s), median of the rounds
if want 7; then
rounds=5; n5=400; [ -n "$quick" ] && { rounds=2; n5=100; }
mkdata st5 1000
request h000001.example.com 192.0.2.1 md5user > req.st5
for mode in 1 0; do : > "st5.p50.$mode"; : > "st5.rps.$mode"; done
for ((i = 1; i <= rounds; i++)); do
  for mode in 1 0; do
    server st5 40 "$top/tinydnsdyn" ROOT="$tmp/st5" PASSWD="$tmp/passwd" STATUS=$mode
    "$tmp/bench-load" "$port" 1 "$n5" req.st5 | awk '{print $8}' >> "st5.p50.$mode"
    "$tmp/bench-load" "$port" 8 "$n5" req.st5 | field req/s >> "st5.rps.$mode"
    stopsrv
  done
done
[ -s st5/data.dyn.status ] || echo "   (no status file was written: the row measures nothing)"
p1=$(median < st5.p50.1); p0=$(median < st5.p50.0); r1=$(median < st5.rps.1); r0=$(median < st5.rps.0)
echo "7. nochg with the status file vs STATUS=0 (MD5-crypt user, 1000 lines), median of $rounds rounds"
printf '   %-26s p50 %7s ms one at a time, %6s req/s 8 at once\n' "status file (default)" "$p1" "$r1"
printf '   %-26s p50 %7s ms one at a time, %6s req/s 8 at once\n' "STATUS=0" "$p0" "$r0"
awk -v a="$p1" -v b="$p0" -v c="$r1" -v d="$r0" 'BEGIN { printf "   cost of the status file: %+.1f %% latency, %+.1f %% throughput\n", (a / b - 1) * 100, (c / d - 1) * 100 }'
echo
fi
