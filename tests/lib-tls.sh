# tests/lib-tls.sh: helpers for the TLS front (stunnel4 with PROXY lines)
# and distribution tests; source after tests/lib.sh.

# mkcert: a self-signed certificate for 127.0.0.1 (subjectAltName IP, so
# curl, ddclient and openssl check it by address); cert.pem, key.pem
mkcert() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -nodes -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -days 2 -keyout key.pem -out cert.pem > openssl.log 2>&1 ||
    die "openssl req failed: $(tail -3 openssl.log)"
}

# startrulesserver [NAME=VALUE ...]: like startserver, but tcpserver
# applies ./rules (compiled here by tcprules into rules.cdb) with -x, as a
# service does; sets PORT
startrulesserver() {
  tcprules rules.cdb rules.tmp < rules || die "tcprules failed"
  TCPOPTS=(-x rules.cdb)
  startserver "$@"
  TCPOPTS=()
}

# startstunnel [PORT]: stunnel4 in the foreground, TLS on 127.0.0.1:PORT
# (default: a port the kernel picks; 443 only inside isolate's network
# namespace), each connection forwarded to 127.0.0.1:$PORT behind a
# PROXY protocol v1 line; the configuration CLIENTS.md shows, but for
# the paths. Sets TLSPORT.
startstunnel() {
  local i
  cat > stunnel.conf <<EOF2
foreground = yes
pid =
debug = info
[tinydnsdyn]
accept = 127.0.0.1:${1:-0}
connect = 127.0.0.1:$PORT
cert = $PWD/cert.pem
key = $PWD/key.pem
protocol = proxy
EOF2
  stunnel4 stunnel.conf > stunnel.log 2>&1 &
  STUNNELPID=$!
  LIB_PIDS+=("$STUNNELPID")
  TLSPORT=
  for ((i = 0; i < 100; i++)); do
    TLSPORT=$(sed -n 's/.*bound to 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' stunnel.log | head -1)
    [ -n "$TLSPORT" ] && break
    kill -0 "$STUNNELPID" 2>/dev/null || die "stunnel4 died: $(tail -3 stunnel.log)"
    sleep 0.1
  done
  [ -n "$TLSPORT" ] || die "stunnel4 did not bind within 10 s"
}

# tlsraw: send stdin byte for byte inside a TLS connection to the front
# (checking its certificate) and print the whole answer, CR shown as <CR>
tlsraw() {
  timeout 20 openssl s_client -quiet -verify_return_error -CAfile cert.pem \
    -verify_ip 127.0.0.1 -connect "127.0.0.1:$TLSPORT" > .tls.out 2> .tls.err
  echo "(openssl exit $?)" >> .tls.err
  showfile .tls.out
}

# serverlog: the handler's log lines so far (tcpserver's left out)
serverlog() {
  settle
  grep '^tinydnsdyn: ' log
}

# starttinydnsat DIR: starttinydns serving DIR/data.cdb
starttinydnsat() {
  starttinydns "$1"
}

# startaxfrdns DIR: axfrdns under tcpserver on 127.0.0.1 (a free port),
# serving DIR/data.cdb, with the tcp rules in ./axfr.rules; sets
# AXFRPORT
startaxfrdns() {
  local pid
  tcprules axfr.cdb axfr.tmp < axfr.rules || die "tcprules failed"
  : > axfrport
  tcpserver -1 -vDRHl0 -x axfr.cdb 127.0.0.1 0 \
    env ROOT="$1" UID=0 GID=0 axfrdns > axfrport 2>> axfr.log &
  pid=$!
  LIB_PIDS+=("$pid")
  AXFRPORT=$(waitport "$pid" axfrport axfr.log) || exit 1
}

# axfr ZONE: the zone as a secondary gets it by AXFR from startaxfrdns,
# one record a line: name type data (TTL left out), sorted
axfr() {
  dig +tcp +norec +time=5 +tries=1 -p "$AXFRPORT" @127.0.0.1 "$1" AXFR 2>&1 |
    grep -v '^;' | grep . | awk '{ $2 = ""; $3 = ""; print }' | tr -s ' ' | sort -u
}
