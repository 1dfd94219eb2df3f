# OpenWrt ddns-scripts: update_url with [USERNAME] and [PASSWORD]
# URL-encoded, fetched by GNU Wget or curl bound to the WAN address (the
# IPv6 one with use_ipv6, so the server sees an IPv6 client); custom
# URLs get no answer check, the script looks the name up afterwards.
# uclient-fetch asks first without credentials and sends them only after
# a 401 with WWW-Authenticate: Basic. Query credentials work too.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
adduser 'carol@home' 'p@ss:w/rd&1'
startserver
starttinydns

# update_url 'http://[USERNAME]:[PASSWORD]@dyn.example.com:8245/v3/update?hostname=[DOMAIN]&myip=[IP]'
# with the user carol@home and the password p@ss:w/rd&1, URL-encoded by
# the script; curl takes the user and password from the URL as Basic
echo '--- curl, credentials in the URL (URL-encoded), IPv4'
req "http://carol%40home:p%40ss%3Aw%2Frd%261@127.0.0.1:$PORT/v3/update?hostname=box.example.com&myip=192.0.2.30" \
  -A 'curl/8.5.0'
echo '--- GNU Wget, the same URL'
wget -q -O wget.out -U 'Wget/1.21.4' \
  "http://carol%40home:p%40ss%3Aw%2Frd%261@127.0.0.1:$PORT/v3/update?hostname=nas.example.com&myip=192.0.2.30"
echo "wget exit $?"; cat wget.out
echo '--- uclient-fetch: first without credentials, then after the 401'
printf 'GET /v3/update?hostname=box.example.com&myip=192.0.2.31 HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: uclient-fetch\r\nConnection: close\r\n\r\n' "$PORT" | send
printf 'GET /v3/update?hostname=box.example.com&myip=192.0.2.31 HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: uclient-fetch\r\nConnection: close\r\nAuthorization: Basic %s\r\n\r\n' "$PORT" "$(b64 'carol@home:p@ss:w/rd&1')" | send
echo '--- credentials in the query instead'
req "/v3/update?hostname=box.example.com&myip=192.0.2.32&username=carol%40home&password=p%40ss%3Aw%2Frd%261" -A 'curl/8.5.0'
echo '--- use_ipv6: over IPv6, [IP] is the WAN IPv6 address; or no myip (the client address)'
printf 'GET /v3/update?hostname=box.example.com&myip=2001:db8:77::1 HTTP/1.1\r\nHost: [2001:db8::53]:8245\r\nUser-Agent: curl/8.5.0\r\nAuthorization: Basic %s\r\n\r\n' "$(b64 'carol@home:p@ss:w/rd&1')" |
  directbody TCPREMOTEIP=2001:db8:77::1
printf 'GET /v3/update?hostname=box.example.com HTTP/1.1\r\nHost: [2001:db8::53]:8245\r\nUser-Agent: curl/8.5.0\r\nAuthorization: Basic %s\r\n\r\n' "$(b64 'carol@home:p@ss:w/rd&1')" |
  directbody TCPREMOTEIP=2001:db8:77::2
echo '--- the script then looks the names up'
dns box.example.com nas.example.com
logged | grep -v '^- 401'
