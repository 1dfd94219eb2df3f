# every crypt family in the passwd file verifies, and rejects a wrong
# password; a password may contain ':'
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduserh yescrypt yuser y-pass
adduserh sha512 s512user s512-pass
adduserh sha256 s256user s256-pass
adduserh bcrypt buser b-pass
adduserh md5 muser m-pass
adduserh yescrypt cuser 'c:pass:word'
adduserh sha512 spaceuser 'two words'
startserver

n=10
for u in yuser:y-pass s512user:s512-pass s256user:s256-pass \
         buser:b-pass muser:m-pass 'cuser:c:pass:word' 'spaceuser:two words'
do
  n=$((n + 1))
  user=${u%%:*}
  printf '%s right: ' "$user"
  req1 "/nic/update?hostname=h1.example.com&myip=192.0.2.$n" -u "$u"
  printf '%s wrong: ' "$user"
  req "/nic/update?hostname=h1.example.com&myip=198.51.100.$n" -u "${u}x" |
    sed '/^\\ no newline/d' | paste -sd' '
done
printf 'cuser first part only: '
req '/nic/update?hostname=h1.example.com&myip=198.51.100.99' -u 'cuser:c' |
  sed '/^\\ no newline/d' | paste -sd' '
showdyn
