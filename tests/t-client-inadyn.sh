# inadyn 2.10, custom provider, unchanged: one HTTP/1.0 request per host,
# the IPv6 address percent-encoded (%3a); both hosts updated, exit 0; a
# second run answers nochg; a wrong password is inadyn's auth error and
# changes nothing, also with new addresses; it connects to nothing but
# the server on 127.0.0.1. Runs that keep the cache send one host's
# address again each time (inadyn keeps one cache file per host name,
# which both sections share), unless the IPv6 section is a second inadyn
# with its own cache dir: then a second run sends nothing
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
isolate

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
:h1.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
+h2.example.com:192.0.2.2
:h2.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\002
EOF2
adduser alice alice-pw
startserver

conf() {  # conf PASSWORD [IPV4 IPV6]
  cat > inadyn.conf <<EOF2
allow-ipv6 = true
custom v4 {
  ssl = false
  username = alice
  password = $1
  checkip-command = "echo ${2-192.0.2.10}"
  ddns-server = 127.0.0.1:$PORT
  ddns-path = "/nic/update?hostname=%h&myip=%i"
  ddns-response = { "good", "nochg" }
  hostname = { "h1.example.com", "h2.example.com" }
}
custom v6 {
  ssl = false
  username = alice
  password = $1
  checkip-command = "echo ${3-2001:db8::10}"
  ddns-server = 127.0.0.1:$PORT
  ddns-path = "/v3/update?hostname=%h&myip=%i"
  ddns-response = { "good", "nochg" }
  hostname = { "h1.example.com", "h2.example.com" }
}
EOF2
}

ina() {
  rm -rf cache
  mkdir cache
  strace -f -qq -e trace=connect -o connects.txt \
    timeout 60 inadyn -1 --force --foreground --no-pidfile -l debug -f inadyn.conf \
      --cache-dir="$PWD/cache" > ina.out 2>&1
  echo "inadyn exit $?"
  sed -n 's/.*Sending alias table update to DDNS server: //p' ina.out | sort > sent
  grep -E 'Error code|Fatal' ina.out | sed 's/^inadyn\[[0-9]*\]: //' | sort -u
  cat ina.out >&2
  echo "connects to: $(connects connects.txt | paste -sd' ' | grep . || echo nothing)"
}

conf alice-pw
echo '--- first run'
ina
cat sent
showdyn
grep -c '^tinydnsdyn: 127.0.0.1 alice 200 ' log
echo '--- second run'
snap
ina
echo "$(wc -l < sent) requests"
same
grep -c '^tinydnsdyn: 127.0.0.1 alice 200 ' log
echo '--- wrong password'
conf wrong 198.51.100.21 2001:db8::21
ina
same
grep -q '^tinydnsdyn: 127.0.0.1 alice 401 badauth' log && echo 'server answered 401 badauth'
echo '--- the requests'
grep -o 'h[0-9]\.example\.com=[a-z]*:[^ ]*' log | sort | uniq -c | sed 's/^ *//'
echo '--- dns'
lookup h1.example.com a
lookup h1.example.com aaaa
echo '--- keeping the cache, without --force: the sections share a cache'
echo '--- file per host name, so each run sends one family again'
conf alice-pw
rm -rf cache
mkdir cache
for i in 1 2 3; do
  timeout 60 inadyn -1 --foreground --no-pidfile -l debug -f inadyn.conf \
    --cache-dir="$PWD/cache" > ina.out 2>&1
  rc=$?
  cat ina.out >&2
  echo "run $i: inadyn exit $rc, $(grep -c 'Sending alias table update' ina.out) requests"
done
echo '--- the IPv6 section as a second inadyn with its own cache dir'
awk '/^custom v6/{exit} {print}' inadyn.conf > inadyn4.conf
{ echo 'allow-ipv6 = true'; awk '/^custom v6/{p=1} p' inadyn.conf; } > inadyn6.conf
rm -rf cache cache6
mkdir cache cache6
for i in 1 2; do
  n=0
  for c in 4 6; do
    d=cache; [ $c = 6 ] && d=cache6
    timeout 60 inadyn -1 --foreground --no-pidfile -l debug -f inadyn$c.conf \
      --cache-dir="$PWD/$d" > ina.out 2>&1
    cat ina.out >&2
    n=$((n + $(grep -c 'Sending alias table update' ina.out)))
  done
  echo "run $i: $n requests"
done
same
