# DrayTek Vigor, a custom DDNS provider: Basic auth over HTTP; over
# HTTPS it sends no Authorization header, so the user and password must
# be in the query (here through the TLS front, stunnel with PROXY lines).
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-tls.sh"
. "$TESTS/lib-routers.sh"

routerroot
printf '127.0.0.1:allow,PROXY="1"\n' > rules
startrulesserver
mkcert
startstunnel
starttinydns
echo '--- Basic auth (what it sends over HTTP)'
printf 'GET /nic/update?hostname=box.example.com&myip=192.0.2.100 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\nUser-Agent: DrayTek\r\nConnection: close\r\n\r\n' \
  "$(b64 alice:alice-pw)" | tlsraw | sed -n '1p;$p'
echo '--- over HTTPS: no Authorization header, the credentials in the query'
printf 'GET /nic/update?hostname=nas.example.com&myip=192.0.2.101&username=bob&password=bob-pw HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: DrayTek\r\nConnection: close\r\n\r\n' |
  tlsraw | sed -n '1p;$p'
echo '--- without them: 401'
printf 'GET /nic/update?hostname=nas.example.com&myip=192.0.2.102 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: DrayTek\r\nConnection: close\r\n\r\n' |
  tlsraw | sed -n '1p;$p'
dns box.example.com nas.example.com
logged
