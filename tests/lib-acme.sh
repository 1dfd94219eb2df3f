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

# startpebble: pebble, a local ACME server, on 127.0.0.1 with a random
# port (sets ACMEPORT; its directory is https://127.0.0.1:$ACMEPORT/dir),
# with an HTTPS certificate from a CA of our own (ca.pem), checking
# DNS-01 challenges against the running tinydns ($DNSIP) only, without
# its random wait before a check
startpebble() {
  local try i pid
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
    -subj /CN=tinydnsdyn-test-ca 2>/dev/null &&
  openssl req -newkey rsa:2048 -nodes -keyout key.pem -out req.csr \
    -subj /CN=localhost 2>/dev/null &&
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > ext &&
  openssl x509 -req -in req.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
    -out cert.pem -days 2 -extfile ext 2>/dev/null || die "openssl failed"
  for ((try = 0; try < 5; try++)); do
    ACMEPORT=$((20000 + RANDOM % 20000))
    printf '{"pebble":{"listenAddress":"127.0.0.1:%s","managementListenAddress":"127.0.0.1:%s","certificate":"%s","privateKey":"%s","httpPort":5002,"tlsPort":5001}}\n' \
      $ACMEPORT $((ACMEPORT + 1)) "$PWD/cert.pem" "$PWD/key.pem" > pebble.json
    PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 PEBBLE_AUTHZREUSE=0 \
      pebble -config pebble.json -dnsserver "$DNSIP:53" > pebble.log 2>&1 &
    pid=$!
    LIB_PIDS+=("$pid")
    for ((i = 0; i < 100; i++)); do
      curl -s --cacert ca.pem "https://127.0.0.1:$ACMEPORT/dir" > /dev/null && return 0
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    lib_forget "$pid"
  done
  die "pebble did not start: $(tail -3 pebble.log)"
}

# sans FILE: the names a PEM certificate is for, one a line
sans() {
  openssl x509 -in "$1" -noout -ext subjectAltName | tail -n +2 |
    tr ',' '\n' | sed 's/^ *//' | sort
}

# legoscript: ./tinydnsdyn-lego, the lego "--dns exec" script exactly as
# ACME.md shows it (taken from there, so its text is what the tests run)
legoscript() {
  sed -n '/^    #!\/bin\/sh$/,/^    esac$/s/^    //p' "$TOP/ACME.md" > tinydnsdyn-lego
  grep -q 'tinydnsdyn-lego present|cleanup' tinydnsdyn-lego || die "no lego script in ACME.md"
  chmod 755 tinydnsdyn-lego
}
