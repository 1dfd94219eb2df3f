# a waiting change whose handler gave up (911 at its deadline) is never
# applied afterwards: a leader that took it into its batch, then was
# slow to write (its fsync stalls: strace delays it, a stand-in for a
# slow disk), checks again before the rename and leaves it out, so a
# nochg answered after that 911 stays true. The leader's own change,
# and those of handlers still waiting long enough, are applied.
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF2'
+x.example.com:192.0.2.1:300
+y.example.com:192.0.2.1:300
EOF2
adduser alice alice-pw
# every handler's first fsync takes 7 s (only the handler's, not make's)
real=$PROG
printf '#!/bin/sh\nexec strace -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=7000000:when=1 %s\n' \
  "$real" > slowsync
chmod 755 slowsync
PROG=$PWD/slowsync
startserver TIMEOUT=10

entries() { test "$(ls root | grep -c '^data\.dyn\.req\.')" = "$1"; }
up() { req1 "/nic/update?hostname=$1&myip=$2" -u alice:alice-pw; }

# a writer holds the data lock: A leaves its change and waits (until
# about 10 s); A is stopped, so that L, which comes 5 s later, is the
# one that gets the lock when it is free
exec 7>> root/data.dyn.lock
flock 7
up x.example.com 198.51.100.96 > a.out 7>&- &
a=$!
waitfor entries 1
apid=$(ls root | sed -n 's/^data\.dyn\.req\.\([0-9]*\)\..*/\1/p')
kill -STOP "$apid"
sleep 5
up y.example.com 198.51.100.50 > l.out 7>&- &
l=$!
waitfor entries 2
exec 7>&-
# L leads (its own entry goes), takes A's into its batch, and its fsync
# stalls past A's deadline
waitfor entries 1
kill -CONT "$apid"
wait "$a"
echo "A, x -> 198.51.100.96: $(cat a.out)"
echo "P, x -> 192.0.2.1:     $(up x.example.com 192.0.2.1)"
wait "$l"
echo "L, y -> 198.51.100.50: $(cat l.out)"
settle
echo '--- afterwards'
grep '^+' root/data.dyn
lookup x.example.com a
lookup y.example.com a
grep -o 'tinydnsdyn: .*' log
notemp
