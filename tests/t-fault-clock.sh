# t-fault-late with the clocks disagreeing: the handler that leaves its
# change (A) sees the wall clock an hour ahead of the leader's
# (faketime; the same as a clock stepped back by an hour, by NTP or an
# operator, while A waits). Deadlines are seconds of the monotonic
# clock every process shares: the leader sees that A has given up
# (911) and leaves its change out, so a nochg answered after that 911
# stays true. Judged by the wall clock, A's deadline would lie an hour
# ahead and its change would land. (Not in make sanitize: libfaketime,
# preloaded before the ASan runtime, hangs an ASan build at its start.)
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

d=$(( $(FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +1h date +%s) - $(date +%s) ))
[ "$d" -ge 3590 ] && [ "$d" -le 3610 ] && echo "the stand-in's clock: an hour ahead"
adduser alice alice-pw
lateprog
lateround ahead
