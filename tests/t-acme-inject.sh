# ACME DNS-01 injection attempts: a value with a newline, CR, NUL, a
# colon, a backslash, a byte outside printable ASCII, or over 255 bytes,
# an empty value in a list, more than 8 values, a bad action: the whole
# request is refused (badagent), data.dyn stays byte-identical and
# tinydns serves nothing new
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:60
+h2.example.com:192.0.2.2:60
EOF2
adduser alice alice-pw h1.example.com,h2.example.com
startserver
starttinydns

v256=$(printf 'x%.0s' $(seq 256))
v255=$(printf 'y%.0s' $(seq 255))
snap
for t in \
  'ok%0A%2Bevil.example.com:6.6.6.6' \
  'ok%0A' \
  'ok%0D' \
  '%0D%0A' \
  'ok%00evil' \
  'ok:300' \
  'ok%3A0%3A4000000000000000' \
  'ok\' \
  'ok%5C072' \
  'ok%5Cn' \
  "$v256" \
  'caf%C3%A9' \
  '%E2%80%AE' \
  'ok%7F' \
  'ok%FF' \
  'ok%09tab' \
  'ok%1B[31m' \
  'a,,b' \
  'a,' \
  ',a' \
  '%2C' \
  'v1,v2,v3,v4,v5,v6,v7,v8,v9' \
  "good-value,$v256" \
  "good-value,ok%0Abad"
do
  printf '%-40.40s ' "txt=$t"
  req1 "/nic/update?hostname=h1.example.com,h2.example.com&txt=$t" -g -u alice:alice-pw
done
echo '--- with action=set and action=del'
req1 "/nic/update?hostname=h1.example.com&action=set&txt=ok%0A" -u alice:alice-pw
req1 "/nic/update?hostname=h1.example.com&action=del&txt=ok%3A" -u alice:alice-pw
echo '--- bad actions'
req1 "/nic/update?hostname=h1.example.com&action=delete&txt=ok" -u alice:alice-pw
req1 "/nic/update?hostname=h1.example.com&action=" -u alice:alice-pw
req1 "/nic/update?hostname=h1.example.com&action=add" -u alice:alice-pw
req1 "/nic/update?hostname=h1.example.com&action=set" -u alice:alice-pw
req1 "/nic/update?hostname=h1.example.com&action=del%0A&txt=ok" -u alice:alice-pw
echo '--- raw bytes in the request line'
agent() {
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: test/1\r\nAuthorization: Basic %s\r\n\r\n' \
    "$1" "$(b64 alice:alice-pw)"
}
agent "/nic/update?hostname=h1.example.com&txt=caf$(printf '\303\251')" | rawreq > /dev/null; verdict
agent "/nic/update?hostname=h1.example.com&txt=ok$(printf '\177')" | rawreq > /dev/null; verdict
agent "/nic/update?hostname=h1.example.com&txt=ok$(printf '\t')x" | rawreq > /dev/null; verdict
same
notemp
dig_txt _acme-challenge.h1.example.com
dig_txt _acme-challenge.h2.example.com
dig_a evil.example.com

echo '--- at the limits: a 255-byte value, 8 values, printable ASCII'
req1 "/nic/update?hostname=h1.example.com&txt=$v255" -u alice:alice-pw
# tinydns-data serves a long value as 127-byte strings
dig_txt _acme-challenge.h1.example.com | sed "s/y\{127\}/<127y>/g"
req1 "/nic/update?hostname=h2.example.com&txt=v1,v2,v3,v4,v5,v6,v7,v8,v8,v1" -u alice:alice-pw
dig_txt _acme-challenge.h2.example.com | paste -sd' '
req1 "/nic/update?hostname=h2.example.com&action=set&txt=%20!%22%23%24%25%26'()*%2B-./09%3B%3C%3D%3E?@AZ[]^_%60az{|}~" -g -u alice:alice-pw
dig_txt _acme-challenge.h2.example.com
showacme | grep h2
req1 "/nic/update?hostname=h2.example.com&action=set&txt=a+b%2Cc" -u alice:alice-pw
dig_txt _acme-challenge.h2.example.com
showacme | sed "s/y\{255\}/<255y>/"
