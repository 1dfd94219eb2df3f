# the log never holds a password, an Authorization header or a control
# character from the client: user and host names are logged with every
# byte outside printable ASCII (and '\') as \ooo, one line per request;
# a user name with a newline or NUL is refused and logged as "-"
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
PW=$'Pw with spaces:colons\\back\tslash\033[0m'
adduser alice "$PW"
printf 'esc\033user:%s\n' "$(tail -1 passwd | cut -d: -f2)" >> passwd
startserver

# as USER PASS: a request with these credentials (bash strings; no NUL)
as() {
  req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.1' \
    -H "Authorization: Basic $(b64 "$1:$2")"
}
# asraw PRINTF-FORMAT: credentials made by printf (may hold NUL)
asraw() {
  req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.1' \
    -H "Authorization: Basic $(printf "$1" | base64 -w0)"
}

n=0
echo '--- requests'
as alice "$PW"; n=$((n + 1))
as alice "${PW}x"; n=$((n + 1))
as $'esc\033user' "$PW"; n=$((n + 1))
as $'\033[31mred\033[0m' pw; n=$((n + 1))
as $'tab\there cr\rhere' pw; n=$((n + 1))
as $'back\\slash del\177 hi\377' pw; n=$((n + 1))
as $'nl\nforged: line' pw; n=$((n + 1))
asraw 'nul\000user:pw'; n=$((n + 1))
as "$(printf 'long\033%.0s' $(seq 30))" pw; n=$((n + 1))
req1 '/nic/update?hostname=a%1Bb.example.com,c%0Dd%0Aforged.example.com,e%00f%7Fg%FF&myip=192.0.2.1' \
  -u "alice:$PW"; n=$((n + 1))
req1 '/nic/upd\ate?password=secret' -u "alice:$PW"; n=$((n + 1))
settle

echo '--- log'
grep '^tinydnsdyn: ' log
m=$(grep -c '^tinydnsdyn: ' log)
[ "$m" = "$n" ] && echo "one line for each of the $n requests" || echo "$m lines for $n requests"
bad=$(grep -cv '^tcpserver: \|^tinydnsdyn: ' log)
echo "$bad lines from anyone else"
LC_ALL=C grep -c '[^ -~]' log | sed 's/$/ lines with a byte outside printable ASCII/'
grep -c '^forged' log | sed 's/$/ forged lines/'
# found LABEL STRING: is STRING anywhere in the log (any case)?
found() {
  if grep -qiF -- "$2" log; then echo "FOUND in log: $1"; else echo "not in log: $1"; fi
}
found password "$PW"
found 'password escaped' 'colons\134back\011slash'
found 'start of password' 'Pw with spaces'
found 'wrong password' "${PW}x"
found 'credentials base64' "$(b64 "alice:$PW")"
found 'wrong credentials base64' "$(b64 "alice:${PW}x")"
found 'esc\033user credentials base64' "$(b64 $'esc\033user:'"$PW")"
found 'header name' Authorization
found 'auth scheme' 'Basic '
found 'query value' secret
