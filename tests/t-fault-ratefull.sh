# a full rate file (issue #12): with RATE_ENTRYMAX (20000) entries
# still in their window, the oldest entries must go first. Keeping the
# first lines instead dropped the newest ones: a host changed a moment
# ago was forgotten by the next update of another host, and so was
# never limited by MAXPERHOUR.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
EOF2
adduser alice alice-pw
starttinydns
# 20000 hosts changed once, 100 s ago: all within the hour
awk -v t=$(( $(date +%s) - 100 )) 'BEGIN {
  for (i = 1; i <= 20000; i++) printf "f%05d.example.com %d %d 1\n", i, t, t }' > root/data.dyn.abuse
startserver MAXPERHOUR=2
marker

echo '--- MAXPERHOUR=2: h1 changes twice, h2 in between each time'
for ip in 198.51.100.1 198.51.100.2; do
  req1 "/nic/update?hostname=h1.example.com&myip=$ip" -u alice:alice-pw
  req1 "/nic/update?hostname=h2.example.com&myip=$ip" -u alice:alice-pw
done
echo '--- a third change of h1 within the hour'
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.3' -u alice:alice-pw
dig_a h1.example.com
echo "entries: $(wc -l < root/data.dyn.abuse)"
grep -c '^h[12]\.example\.com ' root/data.dyn.abuse
echo "left of the four oldest entries: $(grep -c "^f0000[1-4]\\." root/data.dyn.abuse)"
echo "newest old entry kept: $(grep -c '^f20000\.' root/data.dyn.abuse)"
notemp data.dyn.abuse
outside
