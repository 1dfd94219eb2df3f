# missing or wrong credentials: 401, WWW-Authenticate, body badauth,
# nothing written
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
adduser bob bob-pw h1.example.com
printf '%s\n' 'dave:' 'eve:*' 'frank:!' 'mallory::h1.example.com' >> passwd
# an editor's byte order mark before a name; an entry locked with "!";
# a hash with blanks after it
printf '\357\273\277carol:%s\n' "$(sed -n 's/^alice://p' passwd)" >> passwd
printf 'oscar:!%s\n' "$(sed -n 's/^alice://p' passwd)" >> passwd
printf 'trent:%s  \n' "$(sed -n 's/^alice://p' passwd)" >> passwd
startserver

U='/nic/update?hostname=h1.example.com&myip=192.0.2.10'
# the body may or may not end in a newline; only the code matters here
try() {
  printf '%s: ' "$1"
  shift
  req "$U" "$@" | sed '/^\\ no newline/d' | paste -sd' '
}

snap
try 'no header'
try 'wrong password' -u alice:wrong
try 'password prefix' -u alice:alice-p
try 'password longer' -u alice:alice-pwx
try 'empty password' -u alice:
try 'other user password' -u alice:bob-pw
try 'unknown user' -u nobody:alice-pw
try 'empty user' -u :alice-pw
try 'empty hash, empty password' -u dave:
try 'empty hash, any password' -u dave:x
try 'star hash' -u 'eve:*'
try 'bang hash' -u 'frank:!'
try 'empty hash with domains' -u mallory:
try 'broken base64' -H 'Authorization: Basic !!!!****'
try 'base64 with garbage' -H "Authorization: Basic $(b64 alice:alice-pw)!!"
try 'base64 without colon' -H "Authorization: Basic $(b64 alice)"
try 'empty credentials' -H 'Authorization: Basic '
try 'Bearer scheme' -H "Authorization: Bearer $(b64 alice:alice-pw)"
try 'no scheme' -H "Authorization: $(b64 alice:alice-pw)"
same

echo '--- exact answer'
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\n\r\n' \
  "$U" "$(b64 alice:wrong)" | rawreq > raw.txt
head -1 raw.txt
grep -i '^www-authenticate:' raw.txt
rawbody | sed '/^\\ no newline/d'
same

echo '--- the log tells the operator why (the client hears the same badauth)'
: > log
for c in alice:wrong nobody:alice-pw carol:alice-pw oscar:alice-pw trent:alice-pw eve:x dave:; do
  try "$c" -u "$c"
done
grep -o 'tinydnsdyn: .*' log

echo '--- right password'
req "$U" -u alice:alice-pw
notemp
