# a waiting change whose handler gave up (911 at its deadline) is never
# applied afterwards: a leader that took it into its batch, then was
# slow to write (its fsync stalls: strace delays it, a stand-in for a
# slow disk), checks again before the rename and leaves it out, so a
# nochg answered after that 911 stays true. The leader's own change,
# and those of handlers still waiting long enough, are applied.
# Twice: the second time the handler that leaves its change sees the
# wall clock an hour ahead of the leader's (faketime; the same as a
# clock stepped back by an hour, by NTP or an operator, while it
# waits). Deadlines are seconds of the monotonic clock every process
# shares; judged by the wall clock, that change would land.
. "$TESTS/lib.sh" || exit 1

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

entries() { test "$(ls root | grep -c '^data\.dyn\.req\.')" = "$1"; }
up() { req1 "/nic/update?hostname=$1&myip=$2" -u alice:alice-pw; }

# round [ahead]: A (its clock an hour ahead with "ahead") leaves a
# change to x and gives up while the leader L, which changes y, stalls
round() {
  rm -rf root
  mkroot <<'EOF2'
+x.example.com:192.0.2.1:300
+y.example.com:192.0.2.1:300
EOF2
  : > log
  startserver TIMEOUT=10
  # a writer holds the data lock: A leaves its change and waits (until
  # about 10 s); A is stopped, so that L, which comes 5 s later, is the
  # one that gets the lock when it is free
  exec 7>> root/data.dyn.lock
  flock 7
  [ -n "${1-}" ] && : > ahead
  up x.example.com 198.51.100.96 > a.out 7>&- &
  a=$!
  waitfor entries 1
  rm -f ahead
  apid=$(ls root | sed -n 's/^data\.dyn\.req\.\([0-9]*\)\..*/\1/p')
  kill -STOP "$apid"
  sleep 5
  up y.example.com 198.51.100.50 > l.out 7>&- &
  l=$!
  waitfor entries 2
  exec 7>&-
  # L leads (its own entry goes), takes A's into its batch, and its
  # fsync stalls past A's deadline
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
  stopserver
}

echo '--- the clocks agree'
round
echo '--- A sees the wall clock an hour ahead'
d=$(( $(FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +1h date +%s) - $(date +%s) ))
[ "$d" -ge 3590 ] && [ "$d" -le 3610 ] && echo "the stand-in's clock: an hour ahead"
round ahead
