# The PROXY protocol v1 line, handler alone (as tcpserver would run it
# with PROXY=1 from its rules for the front's address): parsed strictly
# (TCP4, TCP6, UNKNOWN; canonical addresses, ports 0..65535 without
# leading zeros, single spaces, CRLF, at most 107 bytes); a good line's
# source address is the client's address; anything else is 400 and
# changes nothing; the line and the request share one deadline. Without
# PROXY, a PROXY line is a bad request.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
:h6.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
EOF2
adduser alice alice-pw

px() {  # px LINE [QUERY]: LINE, CRLF, then a request; the answer's body
  { printf '%s\r\n' "$1"
    agentreq "/nic/update?${2:-hostname=h1.example.com}" alice:alice-pw
  } | directbody PROXY=1 TCPREMOTEIP=127.0.0.1
}
pxraw() {  # pxraw: stdin as it is; the status line
  direct PROXY=1 TCPREMOTEIP=127.0.0.1 | head -1
}

echo '--- good lines: the source address stands for the client'
px 'PROXY TCP4 192.0.2.77 127.0.0.1 5555 443'
px 'PROXY TCP4 0.0.0.0 255.255.255.255 0 65535' 'hostname=h1.example.com&myip=192.0.2.78'
px 'PROXY TCP6 2001:db8::77 ::1 5555 443' 'hostname=h6.example.com'
px 'PROXY TCP6 2001:DB8:0:0:0:0:0:78 2001:db8::1 1 2' 'hostname=h6.example.com'
px 'PROXY TCP6 ::ffff:192.0.2.79 ::ffff:127.0.0.1 1 2'
px 'PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535' 'hostname=h6.example.com'
echo '--- UNKNOWN: the front knows no address; its own stays'
px 'PROXY UNKNOWN' 'hostname=h1.example.com&myip=192.0.2.80'
px 'PROXY UNKNOWN TCP4 192.0.2.9 whatever follows' 'hostname=h1.example.com&myip=192.0.2.81'
# 107 bytes with the CRLF: the longest line allowed
px "PROXY UNKNOWN $(printf '%91s' '' | tr ' ' x)" 'hostname=h1.example.com&myip=192.0.2.82'
showdyn
snap

echo '--- broken lines: 400'
for l in 'PROXY TCP4 192.0.2.077 127.0.0.1 5555 443' \
         'PROXY TCP4 192.0.2.7 127.0.0.1 05555 443' \
         'PROXY TCP4 192.0.2.7 127.0.0.1 5555 65536' \
         'PROXY TCP4 192.0.2.7 127.0.0.1 5555 -1' \
         'PROXY TCP4 192.0.2.7 127.0.0.1 5555 443 ' \
         'PROXY TCP4 192.0.2.7  127.0.0.1 5555 443' \
         'PROXY TCP4 192.0.2.7 127.0.0.1 5555' \
         'PROXY TCP4 192.0.2.7 127.0.0.1 5555 443 1' \
         'PROXY TCP4 2001:db8::1 ::1 5555 443' \
         'PROXY TCP6 192.0.2.7 127.0.0.1 5555 443' \
         'PROXY TCP6 2001:db8::1%eth0 ::1 5555 443' \
         'PROXY TCP4 127.1 127.0.0.1 5555 443' \
         'PROXY TCP5 192.0.2.7 127.0.0.1 5555 443' \
         'proxy TCP4 192.0.2.7 127.0.0.1 5555 443' \
         'PROXY  TCP4 192.0.2.7 127.0.0.1 5555 443' \
         'PROXY UNKNOWNX' \
         'PROXY' \
         'PROXY ' \
         "PROXY UNKNOWN $(printf '%92s' '' | tr ' ' x)" \
         'GET /nic/update?hostname=h1.example.com HTTP/1.0'
do
  printf '%s: %s\n' "$(px "$l")" "$l"
done
printf '%s: %s\n' "$( { printf 'PROXY TCP4 192.0.2.7 127.0.0.1 5555 443\n'
  agentreq '/nic/update?hostname=h1.example.com' alice:alice-pw; } | pxraw)" 'LF without CR'
printf '%s: %s\n' "$( { printf 'PROXY TCP4 192.0.2.7 127.0.0.1 5555 443\r\r\n'
  agentreq '/nic/update?hostname=h1.example.com' alice:alice-pw; } | pxraw)" 'CR CR LF'
printf '%s: %s\n' "$( { printf 'PROXY TCP4 192.0.2.7\0 127.0.0.1 5555 443\r\n'
  agentreq '/nic/update?hostname=h1.example.com' alice:alice-pw; } | pxraw)" 'NUL inside'
printf '%s: %s\n' "$(printf 'PROXY TCP4 192.0' | pxraw)" 'cut short'
printf '%s: %s\n' "$(: | pxraw)" 'nothing at all'
echo '--- a second PROXY line after a good one'
px 'PROXY TCP4 192.0.2.77 127.0.0.1 5555 443'$'\r\n''PROXY TCP4 192.0.2.99 127.0.0.1 5555 443'
same

echo '--- without PROXY (or PROXY=0) a PROXY line is a bad request'
for v in '' 0; do
  { printf 'PROXY TCP4 192.0.2.77 127.0.0.1 5555 443\r\n'
    agentreq '/nic/update?hostname=h1.example.com' alice:alice-pw
  } | direct PROXY="$v" TCPREMOTEIP=127.0.0.1 | head -1
done
printf 'PROXY /nic/update?hostname=h1.example.com HTTP/1.0\r\n\r\n' |
  direct TCPREMOTEIP=127.0.0.1 | head -1
same

echo '--- one deadline for the line and the request (TIMEOUT=2)'
slow() {  # slow TEXT: TEXT a byte every 0.08 s
  local i
  for ((i = 0; i < ${#1}; i++)); do printf '%s' "${1:i:1}"; sleep 0.08; done
}
start=$SECONDS
# the line alone takes over 3 s
slow $'PROXY TCP4 192.0.2.83 127.0.0.1 5555 443\r\n' |
  direct PROXY=1 TCPREMOTEIP=127.0.0.1 TIMEOUT=2 | head -1
# the line done after 1.2 s, the request 1.2 s later: each in time, not
# both (were the clock set anew after the line, this would be a 200)
{ printf 'PROXY TCP4 192.0.2.84'
  sleep 1.2
  printf ' 127.0.0.1 5555 443\r\n'
  agentreq '/nic/update?hostname=h1.example.com&myip=192.0.2.84' alice:alice-pw | sed '$d'
  sleep 1.2
  printf '\r\n'
} | direct PROXY=1 TCPREMOTEIP=127.0.0.1 TIMEOUT=2 | head -1
# the same with TIMEOUT=4 goes through
{ printf 'PROXY TCP4 192.0.2.84'
  sleep 1.2
  printf ' 127.0.0.1 5555 443\r\n'
  agentreq '/nic/update?hostname=h1.example.com&myip=192.0.2.84' alice:alice-pw | sed '$d'
  sleep 1.2
  printf '\r\n'
} | direct PROXY=1 TCPREMOTEIP=127.0.0.1 TIMEOUT=4 | sed '1,/^<CR>$/d'
[ $((SECONDS - start)) -lt 25 ] && echo 'all answered in time'
showdyn

echo '--- log'
grep '^tinydnsdyn: ' log
