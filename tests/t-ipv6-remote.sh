# no myip: the client's own address from TCPREMOTEIP, which tcpserver -6
# (ucspi-tcp-ipv6) sets to an IPv6 address, or to ::ffff:a.b.c.d for an
# IPv4 client. tcpserver sets TCPREMOTEIP itself, so the handler is run
# directly with the request on stdin.
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
+d.example.com:192.0.2.1
:d.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
+a.example.com:192.0.2.2
:s.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\003
EOF2
adduser alice alice-pw

try() {  # try REMOTE QUERY
  printf '%s %s: ' "$1" "$2"
  agentreq "/nic/update?$2" alice:alice-pw | directbody TCPREMOTEIP="$1"
}

echo '--- whole answer'
agentreq '/nic/update?hostname=s.example.com' alice:alice-pw | direct TCPREMOTEIP=2001:db8::5
echo
echo '--- answers'
try 2001:db8::5 hostname=s.example.com
try 2001:db8::5 hostname=d.example.com
try 2001:db8::5 hostname=a.example.com
try 2001:DB8:0:0:0:0:0:6 'hostname=d.example.com&myip='
try ::ffff:192.0.2.7 hostname=d.example.com
try ::ffff:192.0.2.7 hostname=s.example.com
try ::FFFF:c000:0208 hostname=a.example.com
try 192.0.2.9 hostname=d.example.com
try ::1 hostname=s.example.com
try 2001:db8::5 'hostname=d.example.com&myip=192.0.2.10'
try 2001:db8::5 'hostname=d.example.com&myipv6=2001:db8::11'
snap
echo '--- TCPREMOTEIP that is no address'
for r in fe80::1%eth0 '[2001:db8::5]' 2001:db8::5:: '' 192.0.2.1,2001:db8::5x; do
  try "$r" hostname=d.example.com
done
same
showdyn
grep '^tinydnsdyn' log
