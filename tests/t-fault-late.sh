# a waiting change whose handler gave up (911 at its deadline) is never
# applied afterwards: a leader that took it into its batch, then was
# slow to write (its fsync stalls: strace delays it, a stand-in for a
# slow disk), checks again before the rename and leaves it out, so a
# nochg answered after that 911 stays true. The leader's own change,
# and those of handlers still waiting long enough, are applied.
# (t-fault-clock: the same with the clocks disagreeing.)
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

adduser alice alice-pw
lateprog
lateround
