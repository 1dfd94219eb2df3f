# edge cases of issue #12: the 64 KiB rule is exact (a line of at most
# 65536 bytes, its newline not counted, is edited; a longer one is
# copied as it is, also as the last line without newline), and an empty
# txt= beside myip with no action is refused, not taken for a TXT
# request that removes every challenge value.
. "$TESTS/lib.sh" || exit 1

# +hN.example.com:192.0.2.1:300: and a fourth field of x's: LEN bytes
line() { # line N LEN
  local head="+h$1.example.com:192.0.2.1:300:"
  printf '%s' "$head"
  head -c $(($2 - ${#head})) /dev/zero | tr '\0' x
}
mkdir root
echo '.example.com:192.0.2.1:a:259200' > root/data.static
{
  line 1 65536; echo          # 65536 bytes and a newline: edited
  line 2 65537; echo          # one byte more: copied
  line 3 65536                # the last line, 65536 bytes, no newline: edited
} > root/data.dyn
printf 'all:\n\techo ran >> made\n' > root/Makefile
adduser alice alice-pw
startserver
lengths() { awk '{ print length($0) }' root/data.dyn | paste -sd' '; }
echo "lengths before: $(lengths)"
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
req1 '/nic/update?hostname=h3.example.com&myip=198.51.100.3' -u alice:alice-pw
cut -c1-40 root/data.dyn
echo "lengths after: $(lengths)"
[ "$(tail -c1 root/data.dyn | od -An -c | tr -d ' ')" = x ] && echo "still no newline at the end"

echo '--- an empty txt= beside myip, no action: refused'
mkroot <<'EOF2'
+h4.example.com:192.0.2.4:300
'_acme-challenge.h4.example.com:keepme:0:4000000080000000
EOF2
snap
req1 '/nic/update?hostname=h4.example.com&myip=198.51.100.4&txt=' -u alice:alice-pw
req1 '/nic/update?hostname=h4.example.com&myipv6=2001:db8::4&txt=' -u alice:alice-pw
same
echo '--- without myip it removes the values, as documented'
req1 '/nic/update?hostname=h4.example.com&txt=' -u alice:alice-pw
grep -c '^.*keepme' root/data.dyn
