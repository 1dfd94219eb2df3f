# hostnames that are not plain FQDNs answer notfqdn; nothing reaches
# data.dyn (no new line, no evil.example.com record)
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
countmakefile
adduser alice alice-pw
startserver

a63=$(printf 'a%.0s' $(seq 63))
a64=${a63}a
a61=${a63:0:61}
a62=${a63:0:62}
a60=${a63:0:60}

snap
while read -r h; do
  printf '%s: ' "$h"
  req1 "/nic/update?hostname=$h&myip=192.0.2.10" -u alice:alice-pw
done <<EOF
h1.example.com%0A%2Bevil.example.com:6.6.6.6
h1.example.com%0a%2bevil.example.com%3a6.6.6.6
h1.example.com%0A
h1.example.com%0D
h1.example.com%0D%0A
h1.example.com%00
h1%00.example.com
h1.example.com%09
h1.example.com:6.6.6.6
h1.example.com%3A6.6.6.6
h1.example.com%5C
h1.example.com%5C072evil
h1.example.com%23
h1.example.com%20
h1.example.com+
+h1.example.com
%2Bh1.example.com
=h1.example.com
h1.example.com%2F
h1.example.com%250A
h1.example.com%25
h1.example.com%7F
h1.example.com%C3%A9
h1.example.com%FF
-h1.example.com
h1-.example.com
h1.-example.com
h1..example.com
.h1.example.com
h1.example.com..
.
..
localhost
h1
h_1.example.com
h1.example.com%3B
$a64.example.com
$a63.$a63.$a63.$a62
$a63.$a63.$a63.$a60.x
EOF
same
echo '--- valid but unknown: 63-char label, 253-char name'
req1 "/nic/update?hostname=$a63.example.com&myip=192.0.2.10" -u alice:alice-pw
req1 "/nic/update?hostname=$a63.$a63.$a63.$a61&myip=192.0.2.10" -u alice:alice-pw
same
made
lookup evil.example.com a
lookup h1.example.com a
grep -c . root/data.dyn
notemp
