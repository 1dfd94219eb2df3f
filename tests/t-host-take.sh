# tinydnsdyn-host take: a host of the static data (Debian's add-host
# writes =host:ip:86400) becomes dynamic: its address lines (+, =, +*.,
# and AAAA lines) move from data into data.dyn under the data lock, their
# TTL at most -t (default 300), and make publishes it once; the handler
# then updates it. add gives a host the other family from ordinary
# address text, and refuses a family it has.
. "$TESTS/lib.sh"
H=$TOP/tinydnsdyn-host

mkdir -p root/build
cp "$TOP/data.Makefile" root/Makefile
cat > root/data <<'EOF2'
.example.com:192.0.2.1:a:259200
=home.example.com:192.0.2.10:86400
+*.home.example.com:192.0.2.10
:home.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\012:86400
+static.example.com:192.0.2.20:86400
+ttl.example.com:192.0.2.30:60
+zero.example.com:192.0.2.40:0:400000006f000000
EOF2
: > root/data.dyn
(cd root && make -s) || die "make failed"
adduser alice alice-pw

echo '--- take home: every address line moves, TTL 300'
"$H" root take home.example.com 2>err; echo "exit $?"
echo '--- data'
showfile root/data
echo '--- data.dyn'
showdyn
lookup home.example.com a
lookup home.example.com aaaa
lookup x.home.example.com a
echo '--- a TTL already short, and a TTL of 0 with a time to die, are kept'
"$H" root take ttl.example.com > /dev/null 2>err; echo "exit $?"
"$H" -t 600 root take zero.example.com > /dev/null 2>err; echo "exit $?"
showdyn
echo '--- refused: already dynamic, not in data, not a name'
snap
for args in 'take home.example.com' 'take nothere.example.com' 'take bad_name'; do
  # shellcheck disable=SC2086
  "$H" root $args > out 2> err
  echo "$args: exit $? $(head -1 err)$(cat out)"
done
DATA=data "$H" root take static.example.com 2>&1; echo "exit $?"
same
echo '--- the handler updates a taken host, both families'
startserver
req1 '/nic/update?hostname=home.example.com&myip=198.51.100.10,2001:db8::10' -u alice:alice-pw
lookup home.example.com a
lookup home.example.com aaaa
echo '--- add: the other family of a host that has one'
"$H" root add ttl.example.com 2001:db8::30 2>err; echo "exit $?"
lookup ttl.example.com aaaa
"$H" root add ttl.example.com 2001:db8::31 2>&1; echo "exit $?"
"$H" root add ttl.example.com 192.0.2.31 2001:db8::31 2>&1; echo "exit $?"
req1 '/nic/update?hostname=ttl.example.com&myip=2001:db8::99' -u alice:alice-pw
showdyn
notemp build Makefile data
