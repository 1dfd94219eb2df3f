#!/bin/sh
# sanitize.sh: the whole test suite against an AddressSanitizer and
# UndefinedBehaviorSanitizer build, then the handler under valgrind.
#
# 1. Copies the tree to a temp dir, sets conf-cc/conf-ld there to
#    $SANCC (default clang; gcc works) with -fsanitize=address,undefined
#    -fno-sanitize-recover=all, builds it, and runs its tests/run. Every
#    sanitizer report goes to a file in the temp dir (log_path): the
#    handler that hit it exits non-zero, and any such file fails this
#    script even when the tests passed, since a test may not look.
#    (clang by default because gcc's UBSan ignores log_path: with
#    SANCC=gcc its reports reach only the tests' own logs.)
# 2. Runs the plain build (made here first) under valgrind
#    --error-exitcode=1 on a few requests fed on stdin: good, nochg,
#    badauth, notfqdn, HEAD, too long, garbage bytes.
# Exit 0 if all is clean; else 1 and the temp dir is kept.

top=$(cd "$(dirname "$0")" && pwd) || exit 111
SANCC=${SANCC:-clang}
work=$(mktemp -d "${TMPDIR:-/tmp}/tinydnsdyn-sanitize.XXXXXX") || exit 111
failed=0

echo "sanitize: copying the tree to $work/tree"
mkdir "$work/tree" "$work/reports" || exit 111
(cd "$top" && tar cf - --exclude=./.git .) | (cd "$work/tree" && tar xf -) || exit 111
cd "$work/tree" || exit 111
make -s clean > /dev/null 2>&1
flags='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all'
{ echo "$(head -1 "$top/conf-cc") $flags"; echo; echo 'sanitize.sh: instrumented build'; } > conf-cc
{ echo "$SANCC $flags"; echo; echo 'sanitize.sh: instrumented build'; } > conf-ld
sed -i "1s/^[^ ]*/$SANCC/" conf-cc
echo "sanitize: compiler: $(head -1 conf-cc)"
make -s it > "$work/build.log" 2>&1 ||
  { cat "$work/build.log"; echo "sanitize: instrumented build failed"; exit 1; }

# every report into $work/reports/asan.PID or ubsan.PID; exit non-zero
ASAN_OPTIONS="log_path=$work/reports/asan:exitcode=86:detect_leaks=0:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
UBSAN_OPTIONS="log_path=$work/reports/ubsan:print_stacktrace=1:halt_on_error=1:exitcode=87"
export ASAN_OPTIONS UBSAN_OPTIONS

echo "sanitize: tests/run against $work/tree"
if [ -x tests/run ]; then
  # every test but t-timing, which counts instructions with valgrind, and
  # valgrind cannot run a program built with ASan, t-fault-memory,
  # whose softlimit -m leaves ASan no room for its shadow memory, and
  # t-bench, whose figures of an ASan build would mean nothing (t-burst
  # and t-burst-faults put the same loads on it), and t-fault-clock,
  # whose libfaketime, preloaded before the ASan runtime, hangs an ASan
  # program at its start (t-fault-late runs the same rounds without
  # it); the plain suite (make test runs it after this) has them
  ./tests/run $(cd tests && ls t-*.sh | grep -vx -e 't-timing.sh' -e 't-fault-memory.sh' -e 't-bench.sh' -e 't-fault-clock.sh') 2>&1 | tee "$work/tests.log"
  grep -q '^[0-9]* passed, 0 failed$' "$work/tests.log" || failed=1
else
  echo "sanitize: no tests/run in the tree"
  failed=1
fi

# the tests' logs are gone with their temp dirs; the reports are not
if [ -n "$(ls "$work/reports")" ] ||
   grep -l -e 'ERROR: AddressSanitizer' -e 'runtime error:' "$work/tests.log" > /dev/null; then
  echo "sanitize: sanitizer reports:"
  for f in "$work"/reports/*; do
    [ -f "$f" ] || continue
    echo "--- $f"
    head -40 "$f"
  done
  grep -e 'ERROR: AddressSanitizer' -e 'runtime error:' "$work/tests.log"
  failed=1
else
  echo "sanitize: no sanitizer reports"
fi
unset ASAN_OPTIONS UBSAN_OPTIONS

# 2. valgrind on the plain build
cd "$top" || exit 111
make -s it || { echo "sanitize: build failed"; exit 1; }
command -v valgrind > /dev/null || { echo "sanitize: valgrind not found (make deps)"; exit 111; }
v=$work/valgrind
mkdir -p "$v/root" || exit 111
printf '+h1.example.com:192.0.2.1\n' > "$v/root/data.dyn"
printf 'all:\n\techo ran >> made\n' > "$v/root/Makefile"
hash=$(perl -e 'print crypt($ARGV[0], $ARGV[1])' alice-pw '$6$tinydnsdynvalgr$') || exit 111
echo "alice:$hash" > "$v/passwd"
good=$(printf 'alice:alice-pw' | base64 -w0)
bad=$(printf 'alice:wrong' | base64 -w0)
u='/nic/update?hostname=h1.example.com&myip=192.0.2.10'

vg() {  # vg NAME: the handler under valgrind on $v/NAME.req
  env -i PATH="$PATH" TCPREMOTEIP=127.0.0.1 TCPREMOTEPORT=40000 \
    TCPLOCALIP=127.0.0.1 TCPLOCALPORT=8245 PROTO=TCP \
    ROOT="$v/root" PASSWD="$v/passwd" TIMEOUT=60 ALLOWROOT=1 AUTHDELAYMAX=0 \
    valgrind -q --error-exitcode=1 --leak-check=no "$top/tinydnsdyn" \
    < "$v/$1.req" > "$v/$1.out" 2> "$v/$1.err"
  rc=$?
  printf 'valgrind %s: %s' "$1" "$(head -1 "$v/$1.out" | tr -d '\r')"
  body=$(sed '1,/^\r$/d' "$v/$1.out" | tr '\n' ' ')
  [ -n "$body" ] && printf ' / %s' "$body"
  if [ $rc -ne 0 ] || grep -q '^==[0-9]*==' "$v/$1.err"; then
    echo ": FAILED (exit $rc)"
    sed 's/^/  /' "$v/$1.err" | head -40
    failed=1
  else
    echo ": clean"
  fi
}

printf 'GET %s HTTP/1.0\r\nUser-Agent: valgrind\r\nAuthorization: Basic %s\r\n\r\n' "$u" "$good" > "$v/good.req"
cp "$v/good.req" "$v/nochg.req"
printf 'GET %s HTTP/1.1\r\nUser-Agent: valgrind\r\nAuthorization: Basic %s\r\n\r\n' "$u" "$bad" > "$v/badauth.req"
printf 'GET /nic/update?hostname=h1.example.com%%0A%%2Bevil.example.com:6.6.6.6&myip=192.0.2.10 HTTP/1.0\r\nUser-Agent: valgrind\r\nAuthorization: Basic %s\r\n\r\n' "$good" > "$v/notfqdn.req"
printf 'HEAD %s HTTP/1.1\nUser-Agent: valgrind\nAuthorization: Basic %s\n\n' "$u" "$good" > "$v/head.req"
{ printf 'GET /?x='; head -c 9000 /dev/zero | tr '\0' a; printf ' HTTP/1.0\r\n\r\n'; } > "$v/toolong.req"
perl -e 'print map { chr(($_ * 37 + 11) % 256) } 0 .. 2999; print "\r\n\r\n"' > "$v/garbage.req"
printf 'GET %s HTTP/1.0\r\nUser-Agent: valgrind\r\nAuthorization: Basic %s\r\n\r\n\0\377\r\n' "$u" "$(printf 'al\0ice:x' | base64 -w0)" > "$v/nulauth.req"
for n in good nochg badauth notfqdn head toolong garbage nulauth; do vg $n; done
printf 'valgrind: data.dyn: %s\n' "$(cat "$v/root/data.dyn")"

if [ $failed -ne 0 ]; then
  echo "sanitize: FAILED; kept $work"
  exit 1
fi
rm -rf "$work"
echo "sanitize: all clean"
