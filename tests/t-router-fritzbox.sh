# FRITZ!Box, "User-defined" provider: the box fills <ipaddr>, <ip6addr>,
# <ip6lanprefix>, <domain>, <username>, <pass> into the update URL
# without escaping them, sends Basic auth from its user and password
# fields with the user agent "Fritz!Box DDNS/1.0.1", and requests every
# URL of the field (separated by a space) one after the other.
# <ip6lanprefix> (e.g. 2001:db8:aa:bb::/64) is filled only when
# <ip6addr> also appears in the field.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

# fritz URL-PATH USER:PASS: one GET as the box sends it
fritz() {
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: Fritz!Box DDNS/1.0.1\r\nAuthorization: Basic %s\r\nConnection: close\r\n\r\n' \
    "$1" "$PORT" "$(b64 "$2")" | send
}

# the update URL field, the box's values put in; each URL requested
field() {  # field USER:PASS URLS (space-separated)
  local url
  for url in $2; do
    url=${url//<ipaddr>/192.0.2.10}
    url=${url//<ip6addr>/2001:db8:aa:bb::1}
    url=${url//<ip6lanprefix>/2001:db8:aa:bb::\/64}
    url=${url//<username>/${1%%:*}}
    url=${url//<pass>/${1#*:}}
    url=${url#http://dyn.example.com:8245}
    echo "> $url"
    fritz "$url" "$1"
  done
}

echo '--- two URLs: the box itself, then the LAN hosts behind it by prefix'
field alice:alice-pw 'http://dyn.example.com:8245/nic/update?hostname=box.example.com&myip=<ipaddr>,<ip6addr> http://dyn.example.com:8245/nic/update?hostname=nas.example.com,printer.example.com&myip=<ipaddr>,<ip6lanprefix>'
dns box.example.com nas.example.com printer.example.com
echo '--- the same again: nochg'
field alice:alice-pw 'http://dyn.example.com:8245/nic/update?hostname=box.example.com&myip=<ipaddr>,<ip6addr> http://dyn.example.com:8245/nic/update?hostname=nas.example.com,printer.example.com&myip=<ipaddr>,<ip6lanprefix>'
echo '--- a new prefix from the provider, as ip6lanprefix'
field alice:alice-pw 'http://dyn.example.com:8245/nic/update?hostname=nas.example.com,printer.example.com&myip=<ipaddr>&ip6lanprefix=2001:db8:cc:dd::/64&box=<ip6addr>'
dns nas.example.com printer.example.com
echo '--- one URL, myip=<ipaddr>,<ip6lanprefix>, <ip6addr> in an ignored parameter (v6=)'
field alice:alice-pw 'http://dyn.example.com:8245/nic/update?hostname=nas.example.com&myip=<ipaddr>,<ip6lanprefix>&v6=<ip6addr>'
echo '--- without <ip6addr> in the field the box sends the prefix empty: IPv4 only'
fritz '/nic/update?hostname=nas.example.com&myip=192.0.2.11,' alice:alice-pw
echo '--- no hostname: the user with one host (bob), the user named after its host'
field bob:bob-pw 'http://dyn.example.com:8245/nic/update?myip=<ipaddr>,<ip6lanprefix>&v6=<ip6addr>'
field box.example.com:box-pw 'http://dyn.example.com:8245/nic/update?hostname=YES&myip=<ipaddr>,<ip6addr>'
echo '--- the user and password in the URL too (the box still sends Basic auth)'
field bob:bob-pw 'http://dyn.example.com:8245/nic/update?hostname=nas.example.com&username=<username>&password=<pass>&myip=<ipaddr>,<ip6lanprefix>&v6=<ip6addr>'
echo '--- wrong password'
fritz '/nic/update?hostname=box.example.com&myip=192.0.2.99' alice:wrong
dns box.example.com nas.example.com printer.example.com
showdyn
logged
