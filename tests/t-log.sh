# the log has a line for each request, and never the password, the base64
# credentials, or a line forged through a newline in the request
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice 'Sup3r-Secret-pw'
startserver

GOOD='Sup3r-Secret-pw'
BAD='Wr0ng-Secret-pw'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u "alice:$GOOD"
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u "alice:$GOOD"
req '/nic/update?hostname=h1.example.com&myip=192.0.2.11' -u "alice:$BAD" | sed '/^\\ no newline/d'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.11' -u "nobody:$BAD" | sed '/^\\ no newline/d'
req '/nic/update?hostname=x%0Aforged-host%0D%0Aforged-cr.example.com&myip=192.0.2.12' -u "alice:$GOOD"
req '/nic/update?hostname=h1.example.com&myip=192.0.2.13%0Aforged-ip' -u "alice:$GOOD"
req '/nic/update?hostname=h1.example.com&myip=192.0.2.14' \
  -H "Authorization: Basic $(b64 $'forged-user\nforged-user2:x')" | sed '/^\\ no newline/d'
req '/nic/update?hostname=h1.example.com&myip=192.0.2.15' \
  -H "Authorization: Basic $(b64 $'alice:x\nforged-pass')" | sed '/^\\ no newline/d'
settle

for s in "$GOOD" "$BAD" "$(b64 "alice:$GOOD")" "$(b64 "alice:$BAD")" \
         "$(b64 "nobody:$BAD")" "$(b64 $'alice:x\nforged-pass')" forged-pass
do
  if grep -qF -- "$s" log; then echo "FOUND in log: $s"; else echo "not in log: $s"; fi
done
grep -q '^forged' log && echo 'forged line in log' || echo 'no forged line'
n=$(grep -cv '^tcpserver: ' log)
if [ "$n" -ge 8 ]; then echo 'at least one log line per request'; else echo "only $n log lines for 8 requests"; fi
