# the fuzz harnesses (fuzz/fuzz-*.c) replayed on their seed corpora and
# regression inputs (fuzz/corpus-*) by a plain build with conf-cc and
# conf-ld, so that no clang is needed and "make sanitize" runs them
# under the sanitizers too: every check of every harness holds
. "$TESTS/lib.sh"

cc=$(head -1 "$TOP/conf-cc")
ld=$(head -1 "$TOP/conf-ld")
for a in byte alloc buffer dyn http auth dns; do
  [ -f "$TOP/$a.a" ] || die "no $TOP/$a.a: run make first"
done
$cc -I"$TOP" -c "$TOP/fuzz/fuzzreplay.c" 2> build.err || { cat build.err >&2; die "fuzzreplay.c does not build"; }
for c in "$TOP"/fuzz/fuzz-*.c; do
  n=$(basename "$c" .c)
  if ! $cc -I"$TOP" -c "$c" 2> build.err ||
     ! $ld -o "$n" "$n.o" fuzzreplay.o -Wl,--start-group "$TOP"/*.a -Wl,--end-group -lcrypt 2>> build.err
  then
    cat build.err >&2
    echo "$n: does not build"
    continue
  fi
  if ./"$n" "$TOP/fuzz/corpus-${n#fuzz-}" > out 2> err; then
    echo "$n: $(cat out)"
  else
    echo "$n: FAILED"
    cat err >&2
  fi
done
