# UniFi. UniFi OS (UDM, UDR) runs inadyn with a "custom" service: the
# server field host/path?hostname=%h&myip=%i becomes inadyn's
# ddns-server and ddns-path; Basic auth, one GET ... HTTP/1.0 per host
# (run here: the real inadyn with that configuration, plain HTTP; the
# TLS front is t-tls). The USG runs ddclient 3.9: all hosts in one
# request, with system=dyndns (sent here as ddclient sends it).
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"
isolate

routerroot
startserver
starttinydns

cat > inadyn.conf <<EOF2
custom unifi {
  username = alice
  password = alice-pw
  ssl = false
  checkip-command = "echo 192.0.2.20"
  ddns-server = 127.0.0.1:$PORT
  ddns-path = "/nic/update?hostname=%h&myip=%i"
  hostname = { "box.example.com", "nas.example.com" }
}
EOF2
echo '--- UniFi OS (inadyn, custom)'
ina
logged
dns box.example.com nas.example.com
echo '--- again: nochg'
: > log
ina
logged

echo '--- USG (ddclient 3.9)'
printf 'GET /nic/update?system=dyndns&hostname=box.example.com,nas.example.com&myip=192.0.2.21 HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nAuthorization: Basic %s\r\nUser-Agent: ddclient/3.9.1\r\nConnection: close\r\n\r\n' \
  "$PORT" "$(b64 alice:alice-pw)" | send
dns box.example.com nas.example.com
showdyn
