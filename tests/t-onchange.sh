# $ONCHANGE runs once per changed host after the client has its answer,
# with the host, old and new addresses, user and client in its
# environment; its output is logged line by line; a run that takes too
# long is killed with its process group; its failure changes no answer
. "$TESTS/lib.sh"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
:h2.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\002:300
+h3.example.com:192.0.2.3:300
EOF2
adduser alice alice-pw
chmod 755 .

cat > hook <<EOF2
#!/bin/sh
# the test's hook: what it was told, into a file per run
n=\$(ls $PWD/runs 2>/dev/null | wc -l)
env | grep '^ONCHANGE_' | sort > $PWD/runs/\$((n + 1)).\$1
echo "changed \$1 to \$ONCHANGE_NEW4"
echo "a line on stderr" >&2
case \$1 in
  h3.example.com) exit 3 ;;
esac
EOF2
chmod 755 hook
mkdir runs

# waitlog PATTERN [N]: until the log has N (default 1) lines matching
# (at most a minute: a slow machine is no failure)
waitlog() {
  local i
  for ((i = 0; i < 600; i++)); do
    [ "$(grep -c -- "$1" log)" -ge "${2:-1}" ] && return 0
    sleep 0.1
  done
  echo "log never had ${2:-1} lines of: $1"
}
u() { req1 "/nic/update?hostname=$1&myip=$2" -u alice:alice-pw; }

startserver ONCHANGE="$PWD/hook"
echo '--- h1 changes: one run'
u h1.example.com 198.51.100.1
waitlog 'onchange h1.example.com: exit'
cat runs/1.h1.example.com
grep 'onchange h1' log
echo '--- both families of h2, and h1 again (named twice): one run each'
u h2.example.com,h1.example.com,h2.example.com 198.51.100.2,2001:db8::22
waitlog 'onchange h[12].example.com: exit' 3
ls runs | sed 's/^[0-9]*\.//' | sort | uniq -c | sed 's/^ *//'
cat runs/*.h2.example.com
echo '--- nochg and nohost: no run'
u h1.example.com 198.51.100.2
u h9.example.com 198.51.100.2
echo '--- a hook that fails changes no answer'
u h3.example.com 198.51.100.3
waitlog 'onchange h3.example.com: exit'
grep 'onchange h3' log | tail -1
lookup h3.example.com a
settle
echo "runs: $(ls runs | wc -l)"

echo '--- a hook that is not there'
stopserver
startserver ONCHANGE="$PWD/nonexistent"
u h1.example.com 198.51.100.4
waitlog 'onchange h1.example.com: exit 127'
grep 'onchange h1.example.com: unable' log | sed "s|$PWD|CWD|"

echo '--- the answer comes while the hook still runs; the connection is closed'
cat > slow <<EOF2
#!/bin/sh
touch $PWD/slow.started
for i in \$(seq 1 500); do [ -e $PWD/slow.release ] && break; sleep 0.1; done
touch $PWD/slow.done
EOF2
chmod 755 slow
stopserver
startserver ONCHANGE="$PWD/slow" ONCHANGETIMEOUT=120
printf 'GET /nic/update?hostname=h1.example.com&myip=198.51.100.5 HTTP/1.0\r\nUser-Agent: t\r\nAuthorization: Basic %s\r\n\r\n' \
  "$(b64 alice:alice-pw)" | rawstatus
rawbody
for ((i = 0; i < 600; i++)); do [ -e slow.started ] && break; sleep 0.1; done
[ -e slow.started ] && [ ! -e slow.done ] && echo "the hook is still running"
n=$(grep -c 'onchange h1.example.com: exit 0' log)
touch slow.release
waitlog 'onchange h1.example.com: exit 0' $((n + 1))
[ -e slow.done ] && echo "and then it finished"

echo '--- too slow: killed after ONCHANGETIMEOUT with everything it started'
cat > stuck <<EOF2
#!/bin/sh
echo "going to sleep"
sleep 3597 &
sleep 3598
EOF2
chmod 755 stuck
stopserver
startserver ONCHANGE="$PWD/stuck" ONCHANGETIMEOUT=1
u h1.example.com 198.51.100.6
waitlog 'onchange h1.example.com: killed'
grep 'onchange h1.example.com: \(going\|killed\)' log
for ((i = 0; i < 300; i++)); do pgrep -f 'sleep 359[78]' > /dev/null || break; sleep 0.1; done
pgrep -f 'sleep 359[78]' > /dev/null && echo "ITS SLEEPS ARE STILL RUNNING" || echo "nothing of it left"

echo '--- much output: bounded'
printf '#!/bin/sh\nhead -c 100000 /dev/zero | tr "\\\\0" x\n' > loud
chmod 755 loud
stopserver
startserver ONCHANGE="$PWD/loud"
# the exit lines of h1's earlier hooks must not satisfy waitlog
before=$(grep -c 'onchange h1.example.com: exit' log)
u h1.example.com 198.51.100.7
waitlog 'onchange h1.example.com: exit' $((before + 1))
grep 'onchange h1.example.com: exit' log | tail -1
grep 'onchange h1.example.com: xxx' log | awk '{ n += length($0) - length("tinydnsdyn: onchange h1.example.com: ") } END { print n " bytes logged" }'

echo '--- the README web hook, against a listener on 127.0.0.1'
cat > listener <<'EOF2'
#!/bin/bash
# one HTTP request: headers and body kept in webhook.*, answered 200
out=webhook.$$
while IFS= read -r line; do
  line=${line%$'\r'}
  echo "$line" >> $out.head
  [ -z "$line" ] && break
done
len=$(sed -n 's/^[Cc]ontent-[Ll]ength: *//p' $out.head)
head -c "${len:-0}" > $out.part
printf 'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n'
mv $out.part $out.body
EOF2
chmod 755 listener
: > wport
tcpserver -1 127.0.0.1 0 ./listener > wport 2> wlog &
LIB_PIDS+=($!)
wport=$(waitport $! wport wlog) || exit 1
# the hook exactly as the README has it, but for the URL
sed -n '/^    # a web hook, JSON by POST$/,/^$/p' "$TOP/README.md" | sed 's/^    //' |
  sed "s|https://hooks.example.com/dyndns|http://127.0.0.1:$wport/dyndns|" > webhook
sed -i '1i #!/bin/sh' webhook
chmod 755 webhook
grep -c 'curl' webhook
stopserver
startserver ONCHANGE="$PWD/webhook"
u h2.example.com 198.51.100.8,2001:db8::8
for ((i = 0; i < 600; i++)); do ls webhook.*.body > /dev/null 2>&1 && break; sleep 0.1; done
cat webhook.*.body; echo
grep -i '^POST\|^content-type' webhook.*.head
waitlog 'onchange h2.example.com: exit 0' 2
