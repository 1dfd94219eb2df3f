# Tomato / FreshTomato (mdu, agent "MDU - Tomato Firmware x.y"), one
# GET ... HTTP/1.0 with the path only (origin-form). "DynDNS - Custom"
# is dyndns2 with system=custom and the user and password sent as Basic
# auth; "Custom URL" has only a URL, with @IP replaced by the WAN
# address, so the credentials go into the URL (as query parameters: no
# Authorization header). Without myip (no @IP in the URL) the server
# takes the client's address: those requests are run directly, so that
# the router's WAN address ($TCPREMOTEIP) can be a real one.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

AGENT='MDU - Tomato Firmware 2024.3'
# mdu TARGET [USER:PASS [REMOTE]]: the request as mdu sends it, sent
# to the server, or with REMOTE to the handler run directly with that
# client address
mdu() {
  echo "> GET $1${2:+ (Basic ${2%%:*})}${3:+ from $3}"
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n%bUser-Agent: %s\r\n\r\n' \
    "$1" "$PORT" "${2:+Authorization: Basic $(b64 "$2")\r\n}" "$AGENT" > .mdu.req
  if [ -n "${3-}" ]; then
    directbody TCPREMOTEIP="$3" < .mdu.req
  else
    send < .mdu.req
  fi
}

echo '--- DynDNS - Custom'
mdu '/nic/update?system=custom&hostname=box.example.com&myip=192.0.2.90' alice:alice-pw
mdu '/nic/update?system=custom&hostname=box.example.com&myip=192.0.2.90' alice:alice-pw
dns box.example.com
echo '--- DynDNS - Custom without myip, from 198.51.100.90 (run directly)'
mdu '/nic/update?system=custom&hostname=box.example.com' alice:alice-pw 198.51.100.90
dns box.example.com
echo '--- Custom URL'
URL='/nic/update?hostname=nas.example.com&myip=@IP&user=bob&pass=bob-pw'
mdu "${URL/@IP/192.0.2.91}"
mdu "${URL/@IP/192.0.2.91}"
dns nas.example.com
echo '--- Custom URL without @IP, from 198.51.100.91 (run directly)'
mdu '/nic/update?hostname=nas.example.com&user=bob&pass=bob-pw' '' 198.51.100.91
mdu '/nic/update?hostname=nas.example.com&user=bob&pass=bob-pw' '' 198.51.100.91
echo '--- Custom URL, a wrong password in the URL'
U=${URL/bob-pw/wrong}
mdu "${U/@IP/192.0.2.92}"
dns box.example.com nas.example.com
showdyn
logged
