# ddclient 3.10 (protocol dyndns2) unchanged: two hosts in one request,
# both updated, exit 0; the second run answers nochg, a run without
# -force skips; a wrong password fails and changes nothing, also with a
# new address; wildcard/mx/backupmx parameters are ignored; it connects
# to nothing but the server on 127.0.0.1; IPv6 from a second ddclient
# (use=cmd) is sent as myip and changes only the AAAA line
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
isolate

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
:h1.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
=h2.example.com:192.0.2.2:300
+h3.example.com:192.0.2.3
EOF2
adduser alice alice-pw
startserver

conf() {  # conf PASSWORD [IP]
  ddclientconf ddclient.conf "$PORT" ssl=no "use=ip, ip=${2-192.0.2.10}" "password=$1" \
    h1.example.com,h2.example.com 'wildcard=yes, mx=mx.example.com, backupmx=yes h3.example.com'
}

ddc() {  # ddc [-force]
  strace -f -qq -e trace=connect -o connects.txt \
    timeout 60 ddclient -daemon=0 -foreground -verbose -noquiet "$@" \
      -file ddclient.conf -cache ddclient.cache > dd.out 2>&1
  echo "ddclient exit $?"
  grep -E '^(SUCCESS|FAILED|WARNING|FATAL): +updating |skipped' dd.out |
    sed 's/  */ /g' | sort
  cat dd.out >&2
  echo "connects to: $(connects connects.txt | paste -sd' ' | grep . || echo nothing)"
}

conf alice-pw
echo '--- first run'
ddc -force
showdyn
grep -c '^tinydnsdyn: 127.0.0.1 alice 200 ' log
echo '--- second run'
snap
ddc -force
same
grep -c '^tinydnsdyn: 127.0.0.1 alice 200 ' log
echo '--- without -force'
ddc
same
grep -c '^tinydnsdyn: 127.0.0.1 alice 200 ' log
echo '--- wrong password'
conf wrong 198.51.100.1
rm -f ddclient.cache
ddc -force
same
echo '--- the requests'
echo "h1 and h2 in one request: $(grep -c ' h1.example.com=good:192.0.2.10 h2.example.com=good:192.0.2.10$' log)"
grep -o 'h[0-9]\.example\.com[^ ]*=[a-z]*' log | sort | uniq -c | sed 's/^ *//'
lookup h1.example.com a
lookup h2.example.com a
echo '--- IPv6: a second ddclient, use=cmd printing the address'
ddclientconf ddclient6.conf "$PORT" ssl=no "use=cmd, cmd='echo 2001:db8::20'" password=alice-pw \
  h1.example.com
timeout 60 ddclient -daemon=0 -foreground -verbose -noquiet -file ddclient6.conf \
  -cache ddclient6.cache > dd6.out 2>&1
echo "ddclient exit $?"
cat dd6.out >&2
grep -E '^(SUCCESS|FAILED|WARNING): +updating ' dd6.out | sed 's/  */ /g'
grep -o 'GET /nic/update?[^ ]*' dd6.out
lookup h1.example.com a
lookup h1.example.com aaaa
