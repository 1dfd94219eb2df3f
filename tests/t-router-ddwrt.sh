# DD-WRT, DDNS service "Custom" (inadyn inside): server, user name,
# password, host name and a URL field that is a path prefix to which
# the host name is appended, e.g. "/nic/update?hostname="; no address is
# sent, so the server takes the client's address. The request arrives
# from the router's WAN address (here $TCPREMOTEIP, the handler run
# directly).
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
starttinydns

dd() {  # dd URLPREFIX HOST REMOTE
  printf 'GET %s%s HTTP/1.0\r\nHost: dyn.example.com\r\nAuthorization: Basic %s\r\nUser-Agent: inadyn/1.96.2\r\n\r\n' \
    "$1" "$2" "$(b64 alice:alice-pw)" | directbody TCPREMOTEIP="$3"
}
dd '/nic/update?hostname=' box.example.com 198.51.100.80
dd '/nic/update?hostname=' box.example.com 198.51.100.80
dd '/nic/update?system=dyndns&hostname=' nas.example.com 198.51.100.81
dd '/nic/update?hostname=' nas.example.com 2001:db8:80::1
dns box.example.com nas.example.com
logged
