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

# fritz URL-PATH USER:PASS: one GET as the box sends it; with WAN set,
# to the handler run directly with $WAN as the client's address (the
# box's WAN address, where the server's answer depends on it)
fritz() {
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUser-Agent: Fritz!Box DDNS/1.0.1\r\nAuthorization: Basic %s\r\nConnection: close\r\n\r\n' \
    "$1" "$PORT" "$(b64 "$2")" > .fritz.req
  if [ -n "${WAN-}" ]; then
    direct TCPREMOTEIP="$WAN" < .fritz.req > .fritz.out
    head -1 .fritz.out
    sed '1,/^<CR>$/d' .fritz.out
  else
    send < .fritz.req
  fi
}

# the update URL field, the box's values put in (V4, V6, PFX: its IPv4
# address, its IPv6 address, its LAN prefix); each URL requested
V4=192.0.2.10 V6=2001:db8:aa:bb::1 PFX=2001:db8:aa:bb::/64
field() {  # field USER:PASS URLS (space-separated)
  local url
  for url in $2; do
    url=${url//<ipaddr>/$V4}
    url=${url//<ip6addr>/$V6}
    url=${url//<ip6lanprefix>/$PFX}
    url=${url#http://ddns.do.de}
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

# do.de's field: two URLs and no hostname (the user's only host),
#   https://ddns.do.de/?myip=<ipaddr> https://ddns.do.de/?ip6lanprefix=<ip6lanprefix>
# (plain HTTP here). The second URL has no myip: the server takes the
# client's address for IPv4 beside the prefix, which is the box's WAN
# address, the <ipaddr> of the first URL; so they run from 192.0.2.12.
# The prefix is the delegated one, /56 or /59, its value with host bits
# set beyond the length (ignored: each line keeps its bits there). A box
# fills <ip6lanprefix> only when <ip6addr> is in the field too, which
# do.de's field lacks: sent here both filled, as do.de documents it, and
# empty, as the rule above makes it.
DODE='http://ddns.do.de/?myip=<ipaddr> http://ddns.do.de/?ip6lanprefix=<ip6lanprefix>'
echo '--- do.de, two URLs, no hostname: a /56 (2001:db8:aa:bb12::/56)'
WAN=192.0.2.12 V4=192.0.2.12 PFX=2001:db8:aa:bb12::/56 field bob:bob-pw "$DODE"
dns nas.example.com
echo '--- do.de, a /59 (2001:db8:cc:dd3f::/59)'
WAN=192.0.2.12 V4=192.0.2.12 PFX=2001:db8:cc:dd3f::/59 field bob:bob-pw "$DODE"
dns nas.example.com
echo '--- do.de, the /59 again: nochg'
WAN=192.0.2.12 V4=192.0.2.12 PFX=2001:db8:cc:dd3f::/59 field bob:bob-pw "$DODE"
echo '--- do.de, the field as it stands, no <ip6addr> in it: the box sends the prefix empty'
WAN=192.0.2.12 V4=192.0.2.12 PFX= field bob:bob-pw "$DODE"
dns nas.example.com

# DS-Lite: no public IPv4 address, so <ipaddr> is empty
echo '--- DS-Lite, myip=<ipaddr>,<ip6addr>: myip=,<ip6addr>'
V4= V6=2001:db8:dd:1::1 field alice:alice-pw 'http://dyn.example.com:8245/nic/update?hostname=box.example.com&myip=<ipaddr>,<ip6addr>'
V4= V6=2001:db8:dd:1::1 field alice:alice-pw 'http://dyn.example.com:8245/nic/update?hostname=box.example.com&myip=<ipaddr>,<ip6addr>'
dns box.example.com

# dynv6's template, with this server's user and password parameters in
# place of its token (and Basic auth from the box's fields as always):
# the prefix is what the named host gets, on each of its AAAA lines with
# their interface ids; the box's own address in ipv6= is not written
DYNV6='http://dyn.example.com:8245/nic/update?hostname=<domain>&username=<username>&password=<pass>&ipv4=<ipaddr>&ipv6=<ip6addr>&ipv6prefix=<ip6lanprefix>'
echo '--- dynv6 template, <domain> nas.example.com'
V4=192.0.2.13 V6=2001:db8:ee:1::1 PFX=2001:db8:ee:2::/64 field alice:alice-pw "${DYNV6//<domain>/nas.example.com}"
dns nas.example.com
V4=192.0.2.13 V6=2001:db8:ee:1::1 PFX=2001:db8:ee:2::/64 field alice:alice-pw "${DYNV6//<domain>/nas.example.com}"
echo '--- dynv6 template, <domain> printer.example.com (only an AAAA line)'
V4=192.0.2.13 V6=2001:db8:ee:1::1 PFX=2001:db8:ee:2::/64 field alice:alice-pw "${DYNV6//<domain>/printer.example.com}"
dns box.example.com nas.example.com printer.example.com
showdyn
logged
