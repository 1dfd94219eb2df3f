# DD-WRT, DDNS service "Custom" (inadyn inside): server, user name,
# password, host name and a URL field that is a path prefix to which
# the host name is appended, e.g. "/nic/update?hostname="; no address is
# sent, so the server takes the client's address. First the request
# replayed as DD-WRT's inadyn 1.96 sends it, arriving from the router's
# WAN address (here $TCPREMOTEIP, the handler run directly); then the
# real inadyn (2.10, which still appends the host name to a ddns-path
# without format specifiers) with that URL field, over 127.0.0.1, so
# the address the server sets is 127.0.0.1.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"
isolate

routerroot
starttinydns

dd() {  # dd URLPREFIX HOST REMOTE
  echo "> GET $1$2 from $3"
  printf 'GET %s%s HTTP/1.0\r\nHost: dyn.example.com\r\nAuthorization: Basic %s\r\nUser-Agent: inadyn/1.96.2\r\n\r\n' \
    "$1" "$2" "$(b64 alice:alice-pw)" | directbody TCPREMOTEIP="$3"
}
echo '--- replayed'
dd '/nic/update?hostname=' box.example.com 198.51.100.80
dd '/nic/update?hostname=' box.example.com 198.51.100.80
dd '/nic/update?system=dyndns&hostname=' nas.example.com 198.51.100.81
dd '/nic/update?hostname=' nas.example.com 2001:db8:80::1
dns box.example.com nas.example.com

echo '--- the real inadyn, ddns-path = "/nic/update?hostname="'
startserver
cat > inadyn.conf <<EOF2
custom ddwrt {
  ssl = false
  username = bob
  password = bob-pw
  checkip-command = "echo 192.0.2.80"
  ddns-server = 127.0.0.1:$PORT
  ddns-path = "/nic/update?hostname="
  hostname = nas.example.com
}
EOF2
sent() {
  sed -n 's/.*Sending alias table update to DDNS server: //p' ina.out
}
ina; sent
dns nas.example.com
echo '--- again: nochg'
ina; sent
showdyn
logged
