# IPv6 clients: tinydnsdyn-conf with an IPv6 address (::) makes a
# service whose tcpserver (ucspi-tcp-ipv6) accepts IPv6 and IPv4 on one
# listener; its rules let ::1 and 127.0.0.1 in. The service's own run
# script runs (in a network namespace with only lo, since :: is every
# address); curl over ::1 without myip gets the host's AAAA line set to
# ::1, curl over 127.0.0.1 its A line, and tinydns serves both. The
# IPv6 rule forms of the rules file's comments are checked with tcprulescheck, and
# tinydnsdyn-check passes, reaching the listener over ::1.
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"
. "$TESTS/lib-ipv6.sh"
sandbox

SVCTOP=
trap 'lib_cleanup; [ -n "$SVCTOP" ] && rm -rf "$SVCTOP"' EXIT
svcdir ipv6

echo '--- tinydnsdyn-conf with ::'
mkdir -p tinydns/env
R=$PWD/tinydns/root
home/bin/tinydnsdyn-conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$R" :: 2>conf.err
echo "conf exit $?"
echo "IP $(cat svc/env/IP)"
grep -v '^#' svc/rules
for ip in 127.0.0.1 ::1 192.0.2.1 2001:db8::1; do
  echo "$ip: $(env TCPREMOTEIP=$ip tcprulescheck svc/rules.cdb | tail -1)"
done
echo "$port" > svc/env/PORT
cat > "$R/data" <<'EOF'
.example.com:127.0.0.1:a:259200
EOF
cat > "$R/data.dyn" <<'EOF'
+dual.example.com:192.0.2.1:60
:dual.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:60
EOF
(cd "$R" && setuidgid tinydnsdyn make >/dev/null 2>&1) || die "make failed"
echo 'alice-pw' | home/bin/tinydnsdyn-passwd svc/passwd alice dual.example.com

echo '--- the run script, and its log through multilog, as supervise runs them'
mkfifo svc.pipe
(cd svc/log && exec ./run) < svc.pipe &
LIB_PIDS+=($!)
(cd svc && exec ./run) > svc.pipe 2>&1 &
LIB_PIDS+=($!)
svcup 200 '[::1]' && echo "service answers on ::1"
# tinydns, on the address its service directory names, started at boot
starttinydns "$R"
echo "$DNSIP" > tinydns/env/IP
ln -s "$PWD/tinydns" /etc/service/tinydns

echo '--- tinydnsdyn-check reaches the listener over ::1'
"$TOP/tinydnsdyn-check" "$PWD/svc" > check.out 2>&1
echo "check exit $?"
grep -v '^ok: ' check.out
grep -c '^ok: the listener on ::1 port ' check.out

echo '--- over ::1, no myip'
curl -sS -m 20 -A test/1 -u alice:alice-pw "http://[::1]:$port/nic/update?hostname=dual.example.com"
dig_aaaa dual.example.com
dig_a dual.example.com
echo '--- over 127.0.0.1, no myip, same listener'
curl -sS -m 20 -A test/1 -u alice:alice-pw "http://127.0.0.1:$port/nic/update?hostname=dual.example.com"
dig_aaaa dual.example.com
dig_a dual.example.com
cat "$R/data.dyn"
sed 's/^@[0-9a-f]\{24\} //' svc/log/main/current | grep '^tinydnsdyn:' | grep -v ' /tinydnsdyn-check\.'

echo "--- IPv6 rules as the rules file's comments write them"
cat > r <<'EOF'
2001:db8::7:allow
2001:db8:1::deny
2001:db8::allow
:deny
EOF
tcprules r.cdb r.tmp < r || echo "tcprules failed"
for ip in 2001:db8::7 2001:db8:1::7 2001:db8:2::7 2001:db9::7 192.0.2.1; do
  echo "$ip: $(env TCPREMOTEIP=$ip tcprulescheck r.cdb | tail -1)"
done
