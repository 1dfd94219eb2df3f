# OPNsense (os-ddclient, native backend, python requests). Its dyndns2
# service passes the parameters to requests, which encodes them: the
# comma of a host list as %2C, the colons of an IPv6 address as %3A
# (upper-case hex); Basic auth, the agent OPNsense-dyndns:
#   GET /nic/update?hostname=a%2Cb&myip=2001%3Adb8%3A...&wildcard=NOCHG
# (PROTOCOL.md lists system=dyndns too: sent here both ways). Its
# "custom" service sends GET, POST or PUT to a URL with __MYIP__ and
# __HOSTNAME__ put in (as they are: requests leaves : and , of a given
# URL alone), and takes any 2xx for success. requests sends a POST or
# PUT always with a Content-Length, 0 without a body, before the
# Authorization header.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

AUTH=$(b64 alice:alice-pw)
# opn METHOD TARGET [BODY]: one request as requests sends it
opn() {
  local extra=
  case $1 in
    POST|PUT) extra="Content-Length: ${#3}\r\n"
              [ -n "$3" ] && extra+="Content-Type: application/x-www-form-urlencoded\r\n" ;;
  esac
  echo "> $1 $2${3:+ [$3]}"
  printf "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: OPNsense-dyndns\r\nAccept-Encoding: gzip, deflate\r\nAccept: */*\r\nConnection: keep-alive\r\n${extra}Authorization: Basic %s\r\n\r\n%s" \
    "$1" "$2" "$PORT" "$AUTH" "${3-}" | send
}
echo '--- dyndns2'
opn GET '/nic/update?hostname=box.example.com&myip=192.0.2.50&wildcard=NOCHG'
opn GET '/nic/update?hostname=box.example.com%2Cnas.example.com&myip=2001%3Adb8%3A50%3A%3A1&wildcard=NOCHG'
dns box.example.com nas.example.com
opn GET '/nic/update?hostname=box.example.com%2Cnas.example.com&myip=2001%3Adb8%3A50%3A%3A1&wildcard=NOCHG'
echo '--- dyndns2 with system=dyndns'
opn GET '/nic/update?hostname=box.example.com%2Cnas.example.com&myip=192.0.2.55&system=dyndns&wildcard=NOCHG'
dns box.example.com nas.example.com
echo '--- custom: GET, POST, PUT with the values in the URL'
opn GET '/nic/update?hostname=nas.example.com&myip=192.0.2.51'
opn POST '/nic/update?hostname=nas.example.com&myip=192.0.2.52'
dns nas.example.com
opn PUT '/nic/update?hostname=nas.example.com&myip=2001:db8:50::2'
dns nas.example.com
echo '--- custom: POST and PUT with the values in a form body'
opn POST '/nic/update' 'hostname=box.example.com&myip=192.0.2.54'
opn PUT '/nic/update' 'hostname=box.example.com&myip=2001%3Adb8%3A50%3A%3A4'
dns box.example.com nas.example.com
showdyn
logged
