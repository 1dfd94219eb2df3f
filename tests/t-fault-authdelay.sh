# the failed-login delay under faults (issue #12): the whole delay,
# waiting for the data lock included, is at most AUTHDELAYMAX, and
# never runs past TIMEOUT: with the lock held by a stuck writer, a
# wrong password used to wait AUTHDELAYMAX for the lock and then
# AUTHDELAYMAX more; with AUTHDELAYMAX above TIMEOUT, the answer came
# after TIMEOUT.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

onehost
starttinydns
marker

echo '--- AUTHDELAYMAX=4, the data lock held by a stuck writer'
startserver TIMEOUT=30 AUTHDELAYMAX=4
flock -o root/data.dyn.lock sleep 60 &
holder=$!
LIB_PIDS+=("$holder")
sleep 0.5
t0=$(ms)
treq 5 '/nic/update?hostname=h1.example.com' -u alice:wrong
[ $(( $(ms) - t0 )) -ge 3000 ] && echo "but still delayed" || echo "NOT DELAYED"
kill $(pgrep -P $holder) $holder; wait $holder 2>/dev/null; lib_forget $holder
stopserver

echo '--- AUTHDELAYMAX=10 but TIMEOUT=3: no answer after TIMEOUT'
startserver TIMEOUT=3 AUTHDELAYMAX=10
for i in 1 2 3 4 5 6 7; do
  treq 5 '/nic/update?hostname=h1.example.com' -u alice:wrong
done
grep -o 'delayed [0-9]*s' log | tail -1
echo '--- the right password still works at once'
recovers h1.example.com 198.51.100.1
stopserver
notemp data.dyn.authfail
outside
