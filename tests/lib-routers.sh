# tests/lib-routers.sh: helpers for the router and NAS tests
# (t-router-*.sh), which send each device's request exactly as the
# device sends it; sourced after tests/lib.sh and tests/lib-ipv6.sh.

# routerroot: the data the router tests update, and users: alice (any
# host), bob (only nas.example.com), box.example.com (a user named after
# its host). box has one A and one AAAA line, nas and printer AAAA
# lines with their own interface identifiers (prefix updates keep them),
# nas an A line too.
routerroot() {
  mkroot <<'EOF2'
+box.example.com:192.0.2.1
:box.example.com:28:\040\001\015\270\000\001\000\002\000\000\000\000\000\000\000\001
+nas.example.com:192.0.2.1
:nas.example.com:28:\040\001\015\270\000\001\000\002\002\021\062\377\376\000\000\001
:printer.example.com:28:\040\001\015\270\000\001\000\002\000\000\000\000\000\000\000\120
EOF2
  adduser alice alice-pw
  adduser bob bob-pw nas.example.com
  adduser box.example.com box-pw
}

# send: stdin to the server as it is; prints the status line and the
# body (CR shown), and the WWW-Authenticate header of a 401
send() {
  rawsend
  head -1 .raw.out | sed 's/\r/<CR>/g'
  grep -i '^www-authenticate:' .raw.out | sed 's/\r/<CR>/g'
  rawbody | sed 's/\r/<CR>/g'
}

# dns HOST...: what the running tinydns serves for each host, A and AAAA
dns() {
  local h
  for h in "$@"; do
    echo "$h: $(dig_a "$h" | paste -sd' ') / $(dig_aaaa "$h" | paste -sd' ')"
  done
}

# logged: the server's log lines of tinydnsdyn, without the address
logged() {
  sed -n 's/^tinydnsdyn: [^ ]* //p' log
}

# ina: the real inadyn once (-1 --force, a fresh cache) with
# ./inadyn.conf; prints its exit code; its output is in ina.out and
# goes to stderr
ina() {
  rm -rf cache; mkdir cache
  timeout 60 inadyn -1 --force --foreground --no-pidfile -l debug -f inadyn.conf \
    --cache-dir="$PWD/cache" > ina.out 2>&1
  echo "inadyn exit $?"
  cat ina.out >&2
}
