# the one rewrite engine, two ways: a counting pass keeping every edit
# then dyn_copy, and the writing pass one edit at a time, give the same
# file and the same counts on 5000 random data files; and so does the
# pass with the name filter off (every line looked up)
. "$TESTS/lib.sh" || exit 1

cc=$(head -1 "$TOP/conf-cc")
ld=$(head -1 "$TOP/conf-ld")
$cc -I"$TOP" -c "$TESTS/scandiff.c" 2> build.err &&
  $ld -o scandiff scandiff.o -Wl,--start-group "$TOP"/*.a -Wl,--end-group -lcrypt 2>> build.err ||
  { cat build.err >&2; die "scandiff.c does not build"; }
./scandiff 5000
