#!/bin/sh
# fuzz.sh [NAME ...]: builds the libFuzzer harnesses fuzz/fuzz-NAME.c (all of
# them, or the ones named) with clang -fsanitize=fuzzer,address,undefined
# in a temp dir and runs each for FUZZTIME seconds (default 60; 0 only
# replays the seeds), FUZZJOBS at a time (default 2), starting from its
# committed seeds in fuzz/corpus-NAME (never written to: new inputs go to
# the temp dir). Prints one line per harness: time, runs, runs/s,
# libFuzzer's coverage of the library code (the harness itself is not
# instrumented for coverage, only for the sanitizers), and ok or the
# crash with the input in base64. Exit 0 if no harness failed; else 1
# and the temp dir, with logs and crash inputs, is kept (FUZZKEEP=1
# keeps it in any case).
#
# A crash input: fix the code, then commit the input to
# fuzz/corpus-NAME/ so that every later run, and tests/t-fuzzseeds.sh
# (a plain build without clang), replays it.

top=$(cd "$(dirname "$0")" && pwd) || exit 111
FUZZTIME=${FUZZTIME:-60}
FUZZJOBS=${FUZZJOBS:-2}
CLANG=${CLANG:-clang}
case $FUZZTIME in ''|*[!0-9]*) echo "fuzz: FUZZTIME must be seconds" >&2; exit 100 ;; esac
case $FUZZJOBS in ''|0|*[!0-9]*) echo "fuzz: FUZZJOBS must be a number" >&2; exit 100 ;; esac
command -v "$CLANG" > /dev/null ||
  { echo "fuzz: $CLANG not found (make deps installs clang)" >&2; exit 111; }

if [ $# -eq 0 ]; then
  set -- $(cd "$top/fuzz" && ls fuzz-*.c | sed 's/^fuzz-//; s/\.c$//')
fi
for n in "$@"; do
  [ -f "$top/fuzz/fuzz-$n.c" ] || { echo "fuzz: no harness fuzz/fuzz-$n.c" >&2; exit 100; }
  [ -d "$top/fuzz/corpus-$n" ] || { echo "fuzz: no seeds fuzz/corpus-$n" >&2; exit 100; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tinydnsdyn-fuzz.XXXXXX") || exit 111
cflags="-g -O1 -std=c99 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -Wall -Wextra -Werror \
-fno-omit-frame-pointer -fno-sanitize-recover=all -I$top"

# the library: every top-level .c but the programs (the harnesses and
# fuzzreplay.c live in fuzz/)
echo "fuzz: building in $work"
mkdir "$work/obj" || exit 111
for c in "$top"/*.c; do
  grep -q '^int main' "$c" && continue
  echo "$c"
done > "$work/sources"
(cd "$work/obj" &&
 xargs -P "$FUZZJOBS" -n 8 $CLANG $cflags \
   -fsanitize=fuzzer-no-link,address,undefined -c < "$work/sources") ||
  { echo "fuzz: library build failed" >&2; exit 111; }
ar cr "$work/lib.a" "$work"/obj/*.o || exit 111
# the harness itself without coverage: its checks walk every byte of
# long inputs, and what should steer the fuzzer is the library's code
for n in "$@"; do
  { $CLANG $cflags -fsanitize=address,undefined \
      -c -o "$work/fuzz-$n.o" "$top/fuzz/fuzz-$n.c" &&
    $CLANG $cflags -fsanitize=fuzzer,address,undefined \
      -o "$work/fuzz-$n" "$work/fuzz-$n.o" "$work/lib.a" -lcrypt; } ||
    { echo "fuzz: fuzz/fuzz-$n.c does not build" >&2; exit 111; }
done

# per-harness options: inputs a little past the limits they test
opts() {
  case $1 in
    http) echo "-max_len=10000 -dict=$top/fuzz/http.dict" ;;
    query) echo "-max_len=2048 -dict=$top/fuzz/http.dict" ;;
    auth) echo "-max_len=1024" ;;
    ip4) echo "-max_len=32" ;;
    dnsname) echo "-max_len=300" ;;
    dyn) echo "-max_len=4096 -dict=$top/fuzz/dyn.dict" ;;
    json) echo "-max_len=4200 -dict=$top/fuzz/json.dict" ;;
  esac
}

run() {
  n=$1
  mkdir -p "$work/corpus-$n"
  if [ "$FUZZTIME" = 0 ]; then limit=-runs=0; else limit=-max_total_time=$FUZZTIME; fi
  start=$(date +%s)
  (cd "$work" &&
   ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
   exec "./fuzz-$n" $limit -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
     -artifact_prefix="$work/$n-" $(opts "$n") \
     "$work/corpus-$n" "$top/fuzz/corpus-$n") > "$work/$n.log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  finalstat() { sed -n "s/^stat::$1: *//p" "$work/$n.log" | tail -1; }
  cov=$(grep -E '^#[0-9]+.*cov: ' "$work/$n.log" | tail -1 |
        sed -n 's/.*\(cov: [0-9]*\) \(ft: [0-9]*\) \(corp: [0-9]*\).*/\1 \2 \3/p')
  line="fuzz-$n: ${secs}s, $(finalstat number_of_executed_units) runs, $(finalstat average_exec_per_sec)/s, $cov"
  if [ $rc -eq 0 ]; then
    echo "$line: ok" > "$work/$n.result"
  else
    {
      echo "$line: FAILED (exit $rc)"
      grep -E 'ERROR: |runtime error:|fuzz-[a-z0-9]*: |SUMMARY|Test unit written' "$work/$n.log" |
        head -10 | sed 's/^/  /'
      # the input itself, so that a CI log is enough to reproduce it
      for f in "$work/$n-"*; do
        [ -f "$f" ] || continue
        echo "  $(basename "$f"), base64:"
        base64 -w 76 "$f" | head -60 | sed 's/^/    /'
      done
    } > "$work/$n.result"
  fi
}

set -- "$@"
failed=0
while [ $# -gt 0 ]; do
  batch=
  i=0
  while [ $# -gt 0 ] && [ $i -lt "$FUZZJOBS" ]; do
    run "$1" &
    batch="$batch $1"
    i=$((i + 1))
    shift
  done
  wait
  for n in $batch; do
    cat "$work/$n.result"
    grep -q ': ok$' "$work/$n.result" || failed=1
  done
done

if [ $failed -ne 0 ]; then
  echo "fuzz: FAILED; logs and crash inputs kept in $work"
  exit 1
fi
[ -n "$FUZZKEEP" ] && { echo "fuzz: kept $work"; exit 0; }
rm -rf "$work"
echo "fuzz: all harnesses ok"
