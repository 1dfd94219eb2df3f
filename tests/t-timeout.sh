# a client that never finishes its request is closed after TIMEOUT (2 s
# here); trickling bytes does not extend the deadline
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
startserver TIMEOUT=2

AUTH=$(b64 alice:alice-pw)
now() { date +%s%N; }

# waitclose FD: wait up to 30 s for the server to close; say how long
waitclose() {
  local t0=$1 rc el
  timeout 30 cat <&3 > /dev/null 2>&1
  rc=$?
  el=$(( ($(now) - t0) / 1000000 ))
  if [ $rc -eq 124 ]; then
    echo 'still open after 30 s'
  else
    echo 'closed'
    [ $el -ge 1000 ] && echo 'after waiting at least 1 s' || echo "after only $el ms"
    echo "closed after $el ms" >&2
  fi
}

snap
echo '--- half a request'
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
t0=$(now)
printf 'GET /nic/update?hostname=h1.example.com&myip=192.0.2.10 HTTP/1.0\r\nAuthorization: Basic %s\r\nX-Half' "$AUTH" >&3
waitclose "$t0"
exec 3>&-

echo '--- nothing at all'
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
t0=$(now)
waitclose "$t0"
exec 3>&-

echo '--- one byte every 0.5 s'
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
t0=$(now)
printf 'GET /nic/update?hostname=h1.example.com&myip=192.0.2.10 HTTP/1.0\r\nAuthorization: Basic %s\r\nX-Slow: ' "$AUTH" >&3
( for i in $(seq 80); do printf x >&3 || exit 0; sleep 0.5; done ) 2>/dev/null &
trickle=$!
waitclose "$t0"
kill $trickle 2>/dev/null
wait $trickle 2>/dev/null
exec 3>&-

settle
same
echo '--- the server still answers'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
notemp
