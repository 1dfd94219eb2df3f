# 45 idle connections against tcpserver's 40 slots (its default -c 40):
# each idle handler ends TIMEOUT (3 s) after it started, with a 408; the
# 5 that waited in the listen queue get their turn then; a normal request
# made while all 40 slots are held waits for a free slot and is answered.
# So with -c N, N idle clients hold the service for at most TIMEOUT s.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-hostile.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
startserver TIMEOUT=3

readers=()
for ((i = 1; i <= 45; i++)); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$PORT" || die "connect $i failed"
  t0=$(now_ms)
  # read whatever comes; note how long the server kept the connection
  ( timeout 25 cat <&$fd > idle.$i
    echo "$? $(( $(now_ms) - t0 ))" > idle.$i.end ) &
  readers+=($!)
  exec {fd}>&-
done

for ((i = 0; i < 100; i++)); do
  grep -q '^tcpserver: status: 40/40$' log && break
  sleep 0.1
done
grep -q '^tcpserver: status: 40/40$' log && echo 'all 40 slots taken' ||
  echo 'never 40/40: not -c 40?'

echo '--- a normal request while 40 idle clients hold every slot'
curl -sS -m 25 -o body -w '%{http_code} %{local_port} %{time_total}\n' -u alice:alice-pw \
  "http://127.0.0.1:$PORT/nic/update?hostname=h1.example.com&myip=192.0.2.10" > curl.out
read -r code lport secs < curl.out
echo "normal request answered after $secs s" >&2
echo "HTTP $code $(cat body)"
p=$(handler_of "$lport")
# tcpserver accepts only with a free slot: some idle handler ended first
first_end=$(grep -n '^tcpserver: end ' log | head -1 | cut -d: -f1)
our_start=$(grep -n "^tcpserver: pid $p from " log | cut -d: -f1)
if [ -n "$first_end" ] && [ -n "$our_start" ] && [ "$first_end" -lt "$our_start" ]; then
  echo 'it started only after an idle handler had ended'
else
  echo "started at log line ${our_start:-?}, first end at ${first_end:-?}"
fi

echo '--- the 45 idle clients'
wait "${readers[@]}"
closed=0 late=0 answered=0
for ((i = 1; i <= 45; i++)); do
  read -r rc ms < idle.$i.end
  [ "$rc" = 0 ] && closed=$((closed + 1))
  [ "$ms" -gt 15000 ] && late=$((late + 1))
  head -1 idle.$i | grep -q '^HTTP/1.0 408 ' && answered=$((answered + 1))
  echo "idle $i closed after $ms ms" >&2
done
echo "$closed closed by the server, $late after more than 15 s, $answered answered 408"
settle
grep -c '^tcpserver: end ' log | sed 's/$/ handlers ended/'
grep -c '^tinydnsdyn: 127.0.0.1 - .*408 Request Timeout$' log | sed 's/$/ logged 408/'
grep -c '^tcpserver: status: 4[1-9]/' log | sed 's/$/ times more than 40 at once/'
