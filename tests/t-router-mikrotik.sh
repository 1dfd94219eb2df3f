# MikroTik RouterOS has no dyndns2 client; users script /tool fetch:
#   /tool fetch url="http://dyn.example.com:8245/nic/update?hostname=box.example.com&myip=$ip" \
#     user=alice password=alice-pw mode=http output=user
# fetch asks without credentials and answers the 401 with Basic auth;
# http-method=post (or put) with http-data sends a form body.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

AUTH=$(b64 alice:alice-pw)
mt() {  # mt METHOD TARGET AUTH? [BODY]
  local extra=
  [ -n "$3" ] && extra="Authorization: Basic $AUTH\r\n"
  [ "$1" != GET ] && extra+="Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${#4}\r\n"
  printf "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: MikroTik\r\nConnection: close\r\n$extra\r\n%s" \
    "$1" "$2" "$PORT" "${4-}" | send
}
echo '--- GET: the 401, then with Basic auth'
mt GET '/nic/update?hostname=box.example.com&myip=192.0.2.70' ''
mt GET '/nic/update?hostname=box.example.com&myip=192.0.2.70' yes
echo '--- http-method=post http-data=...'
mt POST '/nic/update' yes 'hostname=box.example.com&myip=192.0.2.71'
echo '--- http-method=put, IPv6'
mt PUT '/nic/update' yes 'hostname=box.example.com&myip=2001:db8:70::1'
echo '--- credentials in the URL instead of user= and password='
mt GET '/nic/update?hostname=box.example.com&myip=192.0.2.72&user=alice&pass=alice-pw' ''
dns box.example.com
logged
