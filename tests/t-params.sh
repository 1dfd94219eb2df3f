# parameter names other services use (myipv4, ipv4, ip; myipv6, ipv6,
# myip6, ip6), compared without regard to case; a parameter named twice,
# by one name or two, is refused (badagent) and logged; MAXHOSTS
# bounds the hosts of one request (20 by default, 1000 at most), and a
# log line too long for one pipe write is cut into lines that fit
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

for i in $(seq 1 30); do
  echo "+h$i.example.com:192.0.2.1"
done | mkroot
cat >> root/data.dyn <<'EOF2'
+d.example.com:192.0.2.1
:d.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
EOF2
adduser alice alice-pw
startserver

A=(-u alice:alice-pw)
U='/nic/update?hostname=d.example.com'
echo '--- IPv4 aliases'
n=10
for p in myipv4 ipv4 ip MyIPv4 IPV4 Ip; do
  printf '%s: ' "$p"; req1 "$U&$p=192.0.2.$n" "${A[@]}"; n=$((n + 1))
done
echo '--- IPv6 aliases'
for p in myipv6 ipv6 myip6 ip6 MYIPV6 Ipv6; do
  printf '%s: ' "$p"; req1 "$U&$p=2001:db8::$n" "${A[@]}"; n=$((n + 1))
done
echo '--- other names without case, also percent-encoded'
req1 "/nic/update?HostName=D.Example.Com&MyIP=192.0.2.30,2001:db8::30" "${A[@]}"
req1 "/nic/update?HOSTNAME=d.example.com&%4dyip=192.0.2.31" "${A[@]}"
echo '--- a family parameter adds to or replaces its family in myip'
req1 "$U&myip=2001:db8::32&ip=192.0.2.32" "${A[@]}"
req1 "$U&myip=192.0.2.99,2001:db8::33&ipv4=192.0.2.33" "${A[@]}"
req1 "$U&myip=192.0.2.34,2001:db8::99&ip6=2001:db8::34" "${A[@]}"
req1 "$U&ipv4=192.0.2.35&ipv6=2001:db8::35" "${A[@]}"
echo '--- empty values count as missing'
req1 "$U&myip=192.0.2.36&ipv4=&ipv6=" "${A[@]}"
showdyn | tail -2
echo '--- refused: repeated, or a value of the wrong family'
snap
for q in 'myip=192.0.2.40&myip=192.0.2.40' 'myip=192.0.2.40&MYIP=192.0.2.41' \
         'ip=192.0.2.40&ipv4=192.0.2.40' 'ip=192.0.2.40&myipv4=192.0.2.41' \
         'ipv6=2001:db8::40&myip6=2001:db8::40' 'myipv6=2001:db8::40&ip6=' \
         'ip=2001:db8::40' 'ipv6=192.0.2.40' 'ip=192.0.2.40,2001:db8::40' \
         'myipv4=192.0.2' 'hostname=d.example.com' 'offline=no&offline=yes' \
         'txt=a&txt=b' 'action=add&action=del&txt=a'
do
  printf '%s: ' "$q"; req1 "$U&$q" "${A[@]}"
done
same
echo '--- the log says what was refused'
grep -o 'alice 200 \(repeated\|bad\):[a-z0-9]* badagent' log | sort | uniq -c | sed 's/^ *//'
stopserver

list() {  # list FROM TO
  local i out=
  for i in $(seq "$1" "$2"); do out+="${out:+,}h$i.example.com"; done
  printf '%s' "$out"
}
echo '--- MAXHOSTS=25: 25 hosts in one request, 26 numhost'
startserver MAXHOSTS=25
snap
req "/nic/update?hostname=$(list 1 26)&myip=192.0.2.50" "${A[@]}"
same
req "/nic/update?hostname=$(list 1 25)&myip=192.0.2.50" "${A[@]}" | sort | uniq -c | sed 's/^ *//'
lookup h25.example.com a
lookup h26.example.com a
stopserver
echo '--- MAXHOSTS=1000 (the highest): 530 hosts'
startserver MAXHOSTS=1000
many=$(list 1 30)
for i in $(seq 1 500); do many+=",n$i.e.com"; done
req "/nic/update?hostname=$many&myip=192.0.2.51" "${A[@]}" | sort | uniq -c | sed 's/^ *//'
lookup h30.example.com a
stopserver
# its log line, over 4000 bytes, is cut at spaces into lines a pipe
# keeps whole (tinydnsdyn: + ...): none longer, every host in one
# piece, in order
grep '^tinydnsdyn: ' log | sed -n '/ alice 200 h1\.example\.com=good:192\.0\.2\.51 /,$p' > long.log
echo "$(wc -l < long.log) lines, $(grep -c '^tinydnsdyn: + ' long.log) of them continued, longest $(awk '{ if (length($0) + 1 > m) m = length($0) + 1 } END { print m }' long.log) bytes"
sed 's/^tinydnsdyn: 127\.0\.0\.1 alice 200 //; s/^tinydnsdyn: + //' long.log | tr ' ' '\n' > long.hosts
echo "$many" | tr ',' '\n' | awk '{ print $0 (/^h/ ? "=good:192.0.2.51" : "=nohost\nno-lines") }' | cmp -s - long.hosts &&
  echo "all 530 hosts logged, in order"
echo '--- MAXHOSTS out of range: 911'
for m in 0 1001 x ''; do
  startserver MAXHOSTS=$m
  printf '%s: ' "${m:-empty}"; req1 "/nic/update?hostname=h1.example.com&myip=192.0.2.52" "${A[@]}"
  stopserver
done
grep -c 'fatal: $MAXHOSTS is not a number in its range' log
