# pfSense "Custom" and "Custom (v6)": the update URL with %IP% put in,
# Basic auth from the user and password fields; "Result Match" compares
# the whole trimmed body with a pattern such as "good %IP%|nochg %IP%",
# so one host must answer exactly one line "good <ip>" or "nochg <ip>"
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

# pf URL IP: the request pfSense's curl makes; then the Result Match
# check pfSense applies, "good %IP%|nochg %IP%"
pf() {
  local url=${1//%IP%/$2} body
  body=$(curl -sS -m 20 -u alice:alice-pw -A 'pfSense' "http://127.0.0.1:$PORT$url")
  printf '%s -> %s: ' "$url" "$body"
  body=$(printf '%s' "$body" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
  case $body in
    "good $2"|"nochg $2") echo 'Result Match: success' ;;
    *) echo 'Result Match: FAILED' ;;
  esac
}
echo '--- Custom (IPv4)'
pf '/nic/update?hostname=box.example.com&myip=%IP%' 192.0.2.40
pf '/nic/update?hostname=box.example.com&myip=%IP%' 192.0.2.40
echo '--- Custom (v6)'
pf '/nic/update?hostname=box.example.com&myip=%IP%' 2001:db8:40::1
pf '/nic/update?hostname=nas.example.com&myip=%IP%' 2001:db8:40::2
echo '--- not myipv6=%IP%: without myip the client address is set for IPv4 too'
pf '/nic/update?hostname=nas.example.com&myipv6=%IP%' 2001:db8:40::2
echo '--- a host with both families, updated for one: only that one is echoed'
pf '/nic/update?hostname=nas.example.com&myip=%IP%' 192.0.2.41
dns box.example.com nas.example.com
