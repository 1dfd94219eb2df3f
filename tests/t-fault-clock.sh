# the wall clock is no judge of a waiting change's deadline: here the
# handler that leaves its change (A) sees the wall clock an hour ahead
# of the leader's (faketime; the same as a clock stepped back by an
# hour, by NTP or an operator, while A waits). The leader's fsync
# stalls past A's deadline (strace, as in t-fault-late). Deadlines are
# seconds of the monotonic clock every process shares: the leader sees
# that A has given up (911) and leaves its change out, so a nochg
# answered after that 911 stays true. Judged by the wall clock, A's
# deadline would lie an hour ahead and its change would land.
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF2'
+x.example.com:192.0.2.1:300
+y.example.com:192.0.2.1:300
EOF2
adduser alice alice-pw
# every handler's first fsync takes 7 s (only the handler's, not
# make's); a handler started while the file "ahead" exists sees the
# wall clock an hour ahead, the monotonic clock as it is
real=$PROG
cat > slowsync <<EOF2
#!/bin/sh
slow="strace -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=7000000:when=1"
if [ -e "$PWD/ahead" ]; then
  FAKETIME_DONT_FAKE_MONOTONIC=1 exec faketime -f +1h \$slow "$real"
fi
exec \$slow "$real"
EOF2
chmod 755 slowsync
PROG=$PWD/slowsync
startserver TIMEOUT=10

entries() { test "$(ls root | grep -c '^data\.dyn\.req\.')" = "$1"; }
up() { req1 "/nic/update?hostname=$1&myip=$2" -u alice:alice-pw; }

d=$(( $(FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +1h date +%s) - $(date +%s) ))
[ "$d" -ge 3590 ] && [ "$d" -le 3610 ] && echo "the stand-in's clock: an hour ahead"
# a writer holds the data lock: A leaves its change and waits (until
# about 10 s); A is stopped, so that L, which comes 5 s later, is the
# one that gets the lock when it is free
exec 7>> root/data.dyn.lock
flock 7
: > ahead
up x.example.com 198.51.100.96 > a.out 7>&- &
a=$!
waitfor entries 1
rm ahead
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
