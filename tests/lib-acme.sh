# tests/lib-acme.sh: helpers for the ACME DNS-01 tests; sourced after
# tests/lib.sh.

# dig_txt NAME: the TXT records the running tinydns serves for NAME,
# sorted, or "NAME: no answer"
dig_txt() {
  local out
  out=$(dig +short +norec +time=2 +tries=3 "@$DNSIP" "$1" TXT 2>&1 | sort)
  if [ -n "$out" ]; then echo "$out"; else echo "$1: no answer"; fi
}

# dig_txtttl NAME: the TTLs tinydns gives NAME's TXT records, one a line
dig_txtttl() {
  dig +noall +answer +norec +time=2 +tries=3 "@$DNSIP" "$1" TXT | awk '{print $2}'
}

# tailabel OFFSET: the TAI64 label (16 hex digits) of now + OFFSET
# seconds, as tinydns reads a time-to-die: 2^62 + 10 + unix seconds
tailabel() {
  printf '%016x\n' $((0x400000000000000a + $(date +%s) + $1))
}

# showacme: data.dyn as showdyn prints it, with the timestamps of the
# challenge lines (TTL 0) shown as <TTD>
showacme() {
  showdyn | sed "s/^\('_acme-challenge\.[^:]*:[^:]*:0:\)[0-9a-f]\{16\}$/\1<TTD>/"
}

# ttdcheck LIFETIME: every challenge line's time-to-die is now +
# LIFETIME seconds (give or take the seconds the test took)
ttdcheck() {
  local now ttd lo hi n=0 bad=0
  now=$((0x400000000000000a + $(date +%s)))
  lo=$((now + $1 - 20))
  hi=$((now + $1))
  for ttd in $(sed -n "s/^'_acme-challenge\.[^:]\{1,\}:[^:]*:0:\([0-9a-f]\{16\}\)$/\1/p" root/data.dyn); do
    n=$((n + 1))
    ttd=$((0x$ttd))
    [ "$ttd" -ge "$lo" ] && [ "$ttd" -le "$hi" ] || bad=$((bad + 1))
  done
  echo "time-to-die now+$1: $((n - bad)) of $n lines"
}
