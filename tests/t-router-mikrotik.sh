# MikroTik RouterOS has no dyndns2 client; users script /tool fetch:
#   /tool fetch url="http://dyn.example.com:8245/nic/update?hostname=box.example.com&myip=$ip" \
#     user=alice password=alice-pw mode=http output=user
# fetch asks without credentials and answers the 401 with Basic auth.
# http-method=post (or put) without http-data sends the request with
# the values only in the URL: no body and no Content-Length; with
# http-data=... it sends that as a form body.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

AUTH=$(b64 alice:alice-pw)
mt() {  # mt METHOD TARGET AUTH? [BODY]
  local extra=
  echo "> $1 $2${3:+ (Basic alice)}${4:+ [$4]}"
  [ -n "$3" ] && extra="Authorization: Basic $AUTH\r\n"
  [ -n "${4-}" ] && extra+="Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${#4}\r\n"
  printf "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: MikroTik\r\nConnection: close\r\n$extra\r\n%s" \
    "$1" "$2" "$PORT" "${4-}" > .mt.req
  send < .mt.req
}
echo '--- GET: the 401, then with Basic auth'
mt GET '/nic/update?hostname=box.example.com&myip=192.0.2.70' ''
mt GET '/nic/update?hostname=box.example.com&myip=192.0.2.70' yes
dns box.example.com
echo '--- http-method=post, the values in the URL: no body, no Content-Length'
mt POST '/nic/update?hostname=box.example.com&myip=192.0.2.73' ''
mt POST '/nic/update?hostname=box.example.com&myip=192.0.2.73' yes
dns box.example.com
mt POST '/nic/update?hostname=box.example.com&myip=192.0.2.73' yes
echo '--- http-method=put, the values in the URL: no body, no Content-Length'
mt PUT '/nic/update?hostname=nas.example.com&myip=2001:db8:70::2' ''
mt PUT '/nic/update?hostname=nas.example.com&myip=2001:db8:70::2' yes
dns nas.example.com
mt PUT '/nic/update?hostname=nas.example.com&myip=2001:db8:70::2' yes
echo '--- http-method=post http-data=...'
mt POST '/nic/update' '' 'hostname=box.example.com&myip=192.0.2.71'
mt POST '/nic/update' yes 'hostname=box.example.com&myip=192.0.2.71'
dns box.example.com
echo '--- http-method=put http-data=..., IPv6'
mt PUT '/nic/update' yes 'hostname=box.example.com&myip=2001:db8:70::1'
dns box.example.com
echo '--- credentials in the URL instead of user= and password='
mt GET '/nic/update?hostname=box.example.com&myip=192.0.2.72&user=alice&pass=alice-pw' ''
dns box.example.com nas.example.com
showdyn
logged
