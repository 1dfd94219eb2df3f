# make bench still runs: every row of bench/bench.sh, in its
# quick form, prints its figures, and every load it puts on a server is
# answered good or nochg (failed 0). The figures themselves are not
# checked: speed lives in the benchmark, never in a test.
. "$TESTS/lib.sh" || exit 1

BENCH_QUICK=1 BENCH_SKIPSLOW=1 "$TOP/bench/bench.sh" > out 2> err ||
  { cat err out >&2; die "bench.sh failed"; }
for r in 1 2 3 4 5 6 7; do
  if grep -q "^$r\. " out; then echo "row $r: printed"; else echo "row $r: missing"; fi
done
echo "loads: $(grep -c 'failed [0-9]' out), with failures: $(grep -c 'failed [1-9]' out)"
echo "single updates timed: $(grep -cE '^ +[0-9]+ lines: tinydnsdyn +[0-9]+ us, cp +[0-9]+ us .*peak RSS [0-9]+ KiB$' out)"
echo "bursts compared: $(grep -cE '^   group commit is [0-9.]+x faster than make per update, [0-9.]+x faster than tinydyndns-update$' out)"
echo "nochg during a burst: $(grep -cE '\([0-9]+% of idle; the burst: [0-9]+ requests' out)"
echo "status file cost: $(grep -cE 'cost of the status file: [-+][0-9.]+ % latency' out)"
echo "polling: $(grep -cE '^   p50 [0-9.]+ ms, p99 [0-9.]+ ms, failed 0, makes [0-9]+, CPU per request [0-9.]+ ms' out)"
if [ -s err ]; then echo "stderr:"; head -5 err; fi
