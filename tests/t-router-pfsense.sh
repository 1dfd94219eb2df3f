# pfSense "Custom" and "Custom (v6)": the update URL with %IP% put in,
# the user and password fields given to curl with CURLAUTH_ANY, so the
# first request carries no Authorization; the 401's WWW-Authenticate:
# Basic makes curl send the same request again with Basic auth (curl
# --anyauth does the same; pfSense sends the agent phpDynDNS/0.7).
# Versions that set Basic auth outright send it the first time.
# "Result Match" compares the whole trimmed body with a pattern such as
# "good %IP%|nochg %IP%", so one host must answer exactly one line
# "good <ip>" or "nochg <ip>".
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"
. "$TESTS/lib-routers.sh"

routerroot
startserver
starttinydns

# pf AUTH URL IP: the request pfSense's curl makes (AUTH: --anyauth, or
# --basic for Basic auth outright), what went over the wire (request
# lines, Authorization decoded, status lines and WWW-Authenticate), then
# the Result Match check pfSense applies, "good %IP%|nochg %IP%"
pf() {
  local url=${2//%IP%/$3} body pat alt ok=FAILED
  body=$(curl -sS -v -m 20 "$1" -u alice:alice-pw -A 'phpDynDNS/0.7' \
           "http://127.0.0.1:$PORT$url" 2> trace)
  tr -d '\r' < trace |
    sed -n 's/^> \([A-Z]* .*\)/  > \1/p
            s/^> Authorization: Basic \(.*\)/  > Authorization: Basic \1/p
            s/^< \(HTTP\/.*\)/  < \1/p
            s/^< \([Ww][Ww][Ww]-[Aa]uthenticate:.*\)/  < \1/p' |
    while IFS= read -r l; do
      case $l in
        *'Authorization: Basic '*)
          echo "${l%Basic *}Basic $(printf '%s' "${l##*Basic }" | base64 -d)" ;;
        *) echo "$l" ;;
      esac
    done
  printf '%s -> %s: ' "$url" "$body"
  body=$(printf '%s' "$body" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
  pat='good %IP%|nochg %IP%'
  pat=${pat//%IP%/$3}
  IFS='|' read -ra alt <<< "$pat"
  for pat in "${alt[@]}"; do
    [ "$body" = "$pat" ] && ok=success
  done
  echo "Result Match: $ok"
}
echo '--- Custom (IPv4), CURLAUTH_ANY: 401 first, then Basic'
pf --anyauth '/nic/update?hostname=box.example.com&myip=%IP%' 192.0.2.40
pf --anyauth '/nic/update?hostname=box.example.com&myip=%IP%' 192.0.2.40
dns box.example.com
echo '--- Custom (v6), CURLAUTH_ANY'
pf --anyauth '/nic/update?hostname=box.example.com&myip=%IP%' 2001:db8:40::1
pf --anyauth '/nic/update?hostname=box.example.com&myip=%IP%' 2001:db8:40::1
pf --anyauth '/nic/update?hostname=nas.example.com&myip=%IP%' 2001:db8:40::2
dns box.example.com nas.example.com
echo '--- Basic auth outright'
pf --basic '/nic/update?hostname=box.example.com&myip=%IP%' 192.0.2.42
pf --basic '/nic/update?hostname=box.example.com&myip=%IP%' 192.0.2.42
echo '--- not myipv6=%IP%: without myip the client address is set for IPv4 too'
pf --anyauth '/nic/update?hostname=nas.example.com&myipv6=%IP%' 2001:db8:40::2
echo '--- a host with both families, updated for one: only that one is echoed'
pf --anyauth '/nic/update?hostname=nas.example.com&myip=%IP%' 192.0.2.41
dns box.example.com nas.example.com
showdyn
logged
