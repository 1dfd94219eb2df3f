# every hash htpasswd (apache2-utils) writes verifies: -m (apr1, its
# default), -B, -2, -5, and -s ({SHA}) and -d (DES) with a weak-hash
# note in the log line; a wrong password gets 401 for each. A plain-text
# entry (-p) never verifies, not even with exactly its text. And what
# tinydnsdyn(8) warns about: htpasswd drops a user's host list (our third
# field) when it changes the user's password.
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF2
htpasswd -bcm passwd md5user 'md5 pass:1' 2>/dev/null || die "htpasswd -m"
htpasswd -bB passwd bcryptuser 'bcrypt-pass' 2>/dev/null || die "htpasswd -B"
htpasswd -b2 passwd sha256user 'sha256-pass' 2>/dev/null || die "htpasswd -2"
htpasswd -b5 passwd sha512user 'sha512-pass' 2>/dev/null || die "htpasswd -5"
htpasswd -bs passwd shauser 'sha1-pass' 2>/dev/null || die "htpasswd -s"
htpasswd -bd passwd desuser 'des-pass' 2>/dev/null || die "htpasswd -d"
htpasswd -bp passwd plainuser 'plain-secret' 2>/dev/null || die "htpasswd -p"
# plain text that looks like a DES hash (13 characters of its alphabet)
htpasswd -bp passwd plain13 'abcdefghijklm' 2>/dev/null || die "htpasswd -p"
htpasswd -b passwd defaultuser 'default-pass' 2>/dev/null || die "htpasswd"
# an apr1 entry limited to h2: our own third field, added by hand
htpasswd -nbm h2user 'h2-pass' | sed '/^$/d; s/$/:h2.example.com/' >> passwd
echo '--- the file, hashes shown by kind'
sed -E 's/:\$apr1\$[^:]*/:APR1/; s/:\$2y\$05\$[^:]*/:BCRYPT/;
        s/:\$5\$[^:]*/:SHA256/; s/:\$6\$[^:]*/:SHA512/;
        s/:\{SHA\}[^:]{28}/:{SHA}BASE64/; s/^desuser:[./0-9A-Za-z]{13}$/desuser:DES/' passwd
startserver

n=10
try() {  # try USER PASS: one update, status and body on one line
  n=$((n + 1))
  printf '%s %s: ' "$1" "$3"
  req "/nic/update?hostname=${4:-h1.example.com}&myip=192.0.2.$n" -u "$1:$2" |
    sed '/^\\ no newline/d' | paste -sd' '
}
echo '--- right and wrong passwords'
try md5user 'md5 pass:1' right
try md5user 'md5 pass:2' wrong
try bcryptuser bcrypt-pass right
try bcryptuser bcrypt-pas wrong
try sha256user sha256-pass right
try sha256user sha256-pasS wrong
try sha512user sha512-pass right
try sha512user sha512-pass. wrong
try shauser sha1-pass right
try shauser sha1-pass2 wrong
try desuser des-pass right
try desuser des-pasS wrong
try defaultuser default-pass right
try h2user h2-pass right h2.example.com
try h2user h2-pass 'right, not its host' h1.example.com
echo '--- DES reads 8 characters only'
try desuser 'des-pass and more' 'longer, same first 8'
echo '--- plain text never verifies'
try plainuser plain-secret 'its exact text'
try plainuser '' empty
try plain13 abcdefghijklm 'its exact text'
try nosuchuser plain-secret 'unknown user'
settle
echo '--- log lines'
grep '^tinydnsdyn: ' log
echo '--- data'
showdyn

echo '--- htpasswd changing a password drops the host list'
htpasswd -b passwd h2user 'h2-new' 2>/dev/null
echo "h2user lines: $(grep -c '^h2user:' passwd)"
echo "h2user lines with a host list: $(grep -c '^h2user:.*:h2\.example\.com$' passwd)"

echo '--- the recipe of tinydnsdyn-passwd(8): a copy, htpasswd, the host list again, a rename'
grep '^h2user:' passwd > before
cp -p passwd passwd.new
echo 'h2-newer' | htpasswd -iB passwd.new h2user 2>/dev/null
sed -i 's/^\(h2user:[^:]*\)$/\1:h2.example.com/' passwd.new
mv passwd.new passwd
echo "h2user lines with a host list: $(grep -c '^h2user:.*:h2\.example\.com$' passwd)"
cmp -s before <(grep '^h2user:' passwd) && echo "UNCHANGED" || echo "h2user's line replaced"
startserver
req1 '/nic/update?hostname=h2.example.com&myip=192.0.2.99' -u h2user:h2-newer
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.99' -u h2user:h2-newer
