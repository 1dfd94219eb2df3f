# tinydnsdyn-passwd adds and replaces users with yescrypt hashes that a
# running tinydnsdyn accepts, keeps every other line byte for byte, keeps
# the file's mode, refuses bad names, and asks twice on a terminal
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"
P=$TOP/tinydnsdyn-passwd

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF
# lines that must survive: a comment with CR, a line without ':', a user
# whose name starts with "alice", an sha512 user, a last line without
# newline
printf '# users\r\n' > passwd
printf 'no colon here\n' >> passwd
printf 'alicex:*\n' >> passwd
adduserh sha512 carol carol-pw
printf 'dave:*:h2.example.com' >> passwd
chmod 640 passwd
cp passwd passwd.orig

update() { # USER:PASS HOST IP
  req1 "/nic/update?hostname=$2&myip=$3" -u "$1" | sed 's/ \\ no newline.*//'
}

echo '--- add alice'
echo 'alice-pw' | "$P" passwd alice
echo "exit $?"
maskhash < passwd | sed 's/\r/<CR>/; s/\$6\$.*/SHA512/'
echo "mode $(stat -c %a passwd)"
if head -c "$(wc -c < passwd.orig)" passwd | cmp -s - passwd.orig; then
  echo "old bytes kept"
else
  echo "OLD BYTES CHANGED"
fi
startserver
update alice:alice-pw h1.example.com 198.51.100.1
update alice:wrong h1.example.com 198.51.100.2
update carol:carol-pw h2.example.com 198.51.100.3

echo '--- replace alice, now only for h2 (name given in upper case with dot)'
cp passwd passwd.before
printf 'new pw' | "$P" passwd alice 'H2.Example.COM.'
echo "exit $?"
diff passwd.before passwd | maskhash
update alice:alice-pw h2.example.com 198.51.100.4
update 'alice:new pw' h2.example.com 198.51.100.5
update 'alice:new pw' h1.example.com 198.51.100.6

echo '--- duplicate entries collapse into the first one'
printf 'alice:*\n' >> passwd
printf 'alice2-pw\n' | "$P" passwd alice h1.example.com,h2.example.com
echo "exit $?"
grep -c '^alice:' passwd
grep '^alice:' passwd | maskhash
update alice:alice2-pw h1.example.com 198.51.100.7

echo '--- CRLF from a script: the CR is not part of the password'
printf 'crlf-pw\r\n' | "$P" passwd erin
echo "exit $?"
update erin:crlf-pw h1.example.com 198.51.100.8

echo '--- refused; the file stays as it was'
cp passwd passwd.before
for u in '' 'a:b' "$(printf 'tab\there')" "$(printf 'nl\nhere')" \
         "$(printf 'del\177')" "$(printf 'esc\033')"; do
  echo pw | "$P" passwd "$u" 2>err
  rc=$?
  echo "user $(printf %s "$u" | od -An -c | tr -s ' '): exit $rc $(head -1 err)"
done
echo pw | "$P" passwd "$(head -c 257 /dev/zero | tr '\0' u)" 2>err
echo "user of 257 bytes: exit $? $(head -1 err)"
for d in '' 'nodot' 'a..example.com' 'bad_name.example.com' 'h1.example.com,' \
         'x.example.com, y.example.com' '-x.example.com'; do
  echo pw | "$P" passwd frank "$d" 2>err
  echo "domains '$d': exit $? $(head -1 err)"
done
printf '\n' | "$P" passwd frank 2>err; echo "empty password: exit $? $(head -1 err)"
: | "$P" passwd frank 2>err; echo "no input: exit $? $(head -1 err)"
printf 'a\0b\n' | "$P" passwd frank 2>err; echo "NUL: exit $? $(head -1 err)"
head -c 512 /dev/zero | tr '\0' x | "$P" passwd frank 2>err
echo "512 bytes: exit $? $(head -1 err)"
"$P" passwd 2>err; echo "no user: exit $? $(head -1 err)"
"$P" passwd a b c 2>err; echo "too many: exit $? $(head -1 err)"
cmp -s passwd passwd.before && echo "passwd unchanged"
head -c 511 /dev/zero | tr '\0' x | "$P" passwd long; echo "511 bytes: exit $?"
update "long:$(head -c 511 /dev/zero | tr '\0' x)" h1.example.com 198.51.100.9

echo '--- I/O failure'
echo pw | "$P" nodir/passwd frank 2>err
echo "exit $? $(sed "s|$PWD|CWD|" err | errnorm)"

echo '--- a new file'
echo pw | "$P" newfile gina
echo "exit $? mode $(stat -c %a newfile) $(maskhash < newfile)"

echo '--- 10 at once: the lock loses none'
pids=()
for i in 1 2 3 4 5 6 7 8 9 10; do
  echo "pw$i" | "$P" passwd "user$i" & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || echo "a run failed"; done
echo "$(grep -c '^user[0-9]*:' passwd) users added"
update user7:pw7 h1.example.com 198.51.100.10
ls -a | grep '^passwd' | tr '\n' ' '; echo
echo "mode $(stat -c %a passwd)"

echo '--- terminal: asks twice without echo'
ttyrun tty.out "$P passwd tess" 'tty secret' 'tty secret'
echo "exit $TTYRC"
cat tty.out
grep -q 'tty secret' tty.out && echo "PASSWORD ECHOED"
update 'tess:tty secret' h1.example.com 198.51.100.11
ttyrun tty.out "$P passwd tess" 'one' 'two'
echo "differ: exit $TTYRC"
cat tty.out
update 'tess:tty secret' h1.example.com 198.51.100.12
