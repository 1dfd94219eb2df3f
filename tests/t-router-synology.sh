# Synology DSM, a custom provider: one query URL with __USERNAME__,
# __PASSWORD__, __HOSTNAME__ and __MYIP__ put in; no Authorization
# header, so the credentials come from the query. DSM shows good, nochg,
# nohost, abuse, notfqdn, badauth and 911 to the user.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

# the Query URL as configured in DSM
URL='http://127.0.0.1:PORT/nic/update?hostname=__HOSTNAME__&myip=__MYIP__&username=__USERNAME__&password=__PASSWORD__'
dsm() {  # dsm USER PASS HOST IP
  local u=${URL/PORT/$PORT}
  u=${u/__USERNAME__/$1}; u=${u/__PASSWORD__/$2}; u=${u/__HOSTNAME__/$3}; u=${u/__MYIP__/$4}
  printf '%s %s -> ' "$3" "$4"
  req1 "$u" -A 'Synology DDNS'
}
dsm bob bob-pw nas.example.com 192.0.2.60
dsm bob bob-pw nas.example.com 192.0.2.60
dsm bob bob-pw nas.example.com 2001:db8:60::1
dsm bob bob-pw box.example.com 192.0.2.60
dsm bob bob-pw nas 192.0.2.60
dsm bob wrong nas.example.com 192.0.2.61
dns nas.example.com
echo '--- never a password in the log'
grep -c 'bob-pw' log
logged
