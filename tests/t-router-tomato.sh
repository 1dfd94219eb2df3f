# Tomato / FreshTomato: "DynDNS - Custom" is dyndns2 with the user and
# password sent as Basic auth; "Custom URL" has only a URL, with @IP
# replaced by the WAN address, so the credentials go into the URL.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

echo '--- DynDNS - Custom'
printf 'GET /nic/update?system=dyndns&hostname=box.example.com&myip=192.0.2.90 HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\nUser-Agent: Tomato\r\n\r\n' \
  "$(b64 alice:alice-pw)" | send
echo '--- Custom URL'
URL="http://127.0.0.1:$PORT/nic/update?hostname=nas.example.com&myip=@IP&user=bob&pass=bob-pw"
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: Tomato\r\n\r\n' "${URL/@IP/192.0.2.91}" | send
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: Tomato\r\n\r\n' "${URL/@IP/192.0.2.91}" | send
dns box.example.com nas.example.com
logged
