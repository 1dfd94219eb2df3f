# a password file rewritten in place while logins run (issue #12):
# htpasswd truncates the file and writes it again, so a reading may
# find it empty or cut short. Such a reading must never become badauth
# (nor grant more hosts than the entry lists): only a steady reading
# counts, and "no such user" is believed only of a file nobody is
# changing. A wrong password is still badauth.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
EOF2
# many users before alice, so that her line comes late in the file,
# after several 4 KB blocks (htpasswd copies in blocks of 4 KB)
for ((i = 1; i <= 120; i++)); do adduserh sha512 user$i pw$i; done
adduserh sha512 alice alice-pw h1.example.com
cp passwd passwd.full
starttinydns
startserver TIMEOUT=10
marker

# rewrite: dd truncates and writes 1 KB at a time, as fast as it can
# (a stop file ends each loop after its last rewrite: killing the loop
# would leave its last writer running, to overwrite what comes next)
rm -f stop
( while [ ! -e stop ]; do dd if=passwd.full of=passwd bs=1024 status=none; done ) &
rewriter=$!
LIB_PIDS+=("$rewriter")

n=0; bad=0; other=0; busy=0; wrong=0
for ((i = 1; i <= 150; i++)); do
  out=$(req1 '/nic/update?hostname=h1.example.com,h2.example.com&myip=192.0.2.1' -u alice:alice-pw)
  case $out in
    'HTTP 200 nochg 192.0.2.1 nohost') n=$((n + 1)) ;;
    'HTTP 200 911') busy=$((busy + 1)) ;;
    *badauth*) bad=$((bad + 1)) ;;
    *) other=$((other + 1)); echo "unexpected: $out" >&2 ;;
  esac
  if [ $((i % 10)) = 0 ]; then
    out=$(req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.1' -u alice:wrong)
    [ "$out" = 'HTTP 401 badauth' ] || { wrong=$((wrong + 1)); echo "wrong password: $out" >&2; }
  fi
done
touch stop; wait $rewriter 2>/dev/null; lib_forget $rewriter; rm -f stop
echo "logins answered nochg (and nohost for the host not hers): $((n + busy > 140 ? 1 : 0))"
echo "false badauth: $bad"
echo "other answers: $other"
echo "wrong passwords not answered badauth: $wrong"
echo "911 (file changing the whole time): $busy" >&2

echo '--- with htpasswd itself, changing bob'"'"'s password again and again'
cp passwd.full passwd
rm -f stop
( while [ ! -e stop ]; do htpasswd -b -B -C 4 passwd bob "pw$RANDOM" 2>/dev/null; done ) &
rewriter=$!
LIB_PIDS+=("$rewriter")
bad=0
for ((i = 1; i <= 50; i++)); do
  out=$(req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.1' -u alice:alice-pw)
  case $out in *badauth*) bad=$((bad + 1)) ;; esac
done
touch stop; wait $rewriter 2>/dev/null; lib_forget $rewriter; rm -f stop
echo "false badauth: $bad"

echo '--- a file that stands still: an unknown user is badauth at once'
cp passwd.full passwd
sleep 1
req1 '/nic/update?hostname=h1.example.com&myip=192.0.2.1' -u nobody:x
recovers h1.example.com 198.51.100.1
notemp
outside
