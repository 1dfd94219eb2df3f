# OPNsense (os-ddclient, native backend). Its dyndns2 service sends
# GET /nic/update?hostname=...&myip=...&system=dyndns&wildcard=NOCHG with
# Basic auth and the agent OPNsense-dyndns; its "custom" service sends
# GET, POST or PUT to a URL with __MYIP__ and __HOSTNAME__ put in, and
# takes any 2xx for success.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

AUTH=$(b64 alice:alice-pw)
# opn METHOD TARGET [BODY]: one request as the backend sends it (a POST
# or PUT always has a Content-Length, 0 without a body)
opn() {
  local extra=
  case $1 in
    POST|PUT) extra="Content-Length: ${#3}\r\n"
              [ -n "$3" ] && extra+="Content-Type: application/x-www-form-urlencoded\r\n" ;;
  esac
  printf "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: OPNsense-dyndns\r\nAccept-Encoding: gzip, deflate\r\nAccept: */*\r\nConnection: keep-alive\r\nAuthorization: Basic %s\r\n$extra\r\n%s" \
    "$1" "$2" "$PORT" "$AUTH" "${3-}" | send
}
echo '--- dyndns2'
opn GET '/nic/update?hostname=box.example.com&myip=192.0.2.50&system=dyndns&wildcard=NOCHG'
opn GET '/nic/update?hostname=box.example.com,nas.example.com&myip=2001:db8:50::1&system=dyndns&wildcard=NOCHG'
echo '--- custom: GET, POST, PUT with the values in the URL'
opn GET '/nic/update?hostname=nas.example.com&myip=192.0.2.51'
opn POST '/nic/update?hostname=nas.example.com&myip=192.0.2.52'
opn PUT '/nic/update?hostname=nas.example.com&myip=192.0.2.53'
echo '--- custom: POST with the values in a form body'
opn POST '/nic/update' 'hostname=box.example.com&myip=192.0.2.54'
dns box.example.com nas.example.com
logged
