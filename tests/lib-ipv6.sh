# tests/lib-ipv6.sh: helpers for the IPv6 and client tests; sourced after
# tests/lib.sh.

# isolate: run the rest of this test in private network and mount
# namespaces: only a loopback interface (so a client that tried any
# address outside 127.0.0.0/8 or ::1 would find no route), and a
# resolv.conf and hosts file that point at 127.0.0.1 only (so a client
# that looks a name up asks nobody outside). Call first thing.
isolate() {
  if [ -z "${ISOLATED-}" ]; then
    ISOLATED=1 exec unshare -n -m bash "$0" "$@"
  fi
  ip link set lo up || die "isolate: cannot bring lo up"
  printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > .resolv.conf
  printf '127.0.0.1 localhost\n::1 localhost\n' > .hosts
  mount --bind "$PWD/.resolv.conf" /etc/resolv.conf &&
    mount --bind "$PWD/.hosts" /etc/hosts || die "isolate: cannot mount"
}

# dig_aaaa NAME: AAAA answers from the running tinydns, sorted
dig_aaaa() {
  local out
  out=$(dig +short +norec +time=2 +tries=3 "@$DNSIP" "$1" AAAA 2>&1 | sort)
  if [ -n "$out" ]; then echo "$out"; else echo "$1: no answer"; fi
}

# agentreq TARGET USER:PASS [extra header lines]: a request as a client
# with a User-Agent sends it, on stdout
agentreq() {
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: test/1\r\nAuthorization: Basic %s\r\n%s\r\n' \
    "$1" "$(b64 "$2")" "${3-}"
}

# direct NAME=VALUE...: run the handler once on stdin without tcpserver
# (so TCPREMOTEIP can be anything) and print its answer, CR shown; the
# environment as startserver makes it
direct() {
  timeout 20 env ROOT="$PWD/root" PASSWD="$PWD/passwd" \
    ALLOWROOT=1 MAXPERHOUR=0 AUTHDELAYMAX=0 "$@" "$PROG" 2>> log |
    sed 's/\r/<CR>/g'
}

# directbody NAME=VALUE...: only the body of direct's answer, one line
directbody() {
  direct "$@" | sed '1,/^<CR>$/d' | paste -sd' '
}

# connects FILE: the IPv4 and IPv6 addresses an strace -e trace=connect
# log shows, one per line, sorted
connects() {
  grep -o 'sa_family=AF_INET6\{0,1\}, [^}]*' "$1" |
    sed 's/.*"\([^"]*\)".*/\1/' | sort -u
}
