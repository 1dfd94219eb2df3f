# Failed logins are counted for the delay by client: an IPv4 client by
# its address, an IPv6 one by its /64 (a client owns the whole /64 and
# could try each of its addresses in turn). The client's address comes
# here from a PROXY line (a TLS front), as from TCPREMOTEIP.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
EOF2
adduser alice alice-pw

wrong() {  # wrong ADDRESS: a wrong password from ADDRESS; the delay logged
  local dst=127.0.0.1
  [ "$1" = TCP6 ] && dst=::1
  { printf 'PROXY %s %s %s 1 2\r\n' "$1" "$2" "$dst"
    agentreq '/nic/update?hostname=h1.example.com' alice:wrong
  } | direct PROXY=1 TCPREMOTEIP=127.0.0.1 AUTHDELAYMAX=3 | head -1
  echo "$2: $(tail -1 log | grep -o 'delayed [0-9]*s')"
}

echo '--- three addresses of one IPv6 /64: one client'
wrong TCP6 2001:db8:1:2::a
wrong TCP6 2001:db8:1:2::b
wrong TCP6 2001:db8:1:2:ffff:ffff:ffff:ffff
echo '--- the next /64: another client'
wrong TCP6 2001:db8:1:3::a
echo '--- IPv4: by address'
wrong TCP4 192.0.2.7
wrong TCP4 192.0.2.8
wrong TCP4 192.0.2.7
echo '--- the counts'
cut -d' ' -f1 root/data.dyn.authfail | sort
