# myip as IPv6 in any valid textual form: accepted, echoed and written in
# canonical form (RFC 5952 text, tinydns \ooo rdata); every invalid form
# is refused with badagent and nothing written
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

mkroot <<'EOF2'
:h6.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300
EOF2
countmakefile
adduser alice alice-pw
startserver

# set ADDR: curl encodes it (':' as %3A); prints the answer on one line
set6() {
  printf '%s -> ' "$1"
  req '/nic/update' -G --data-urlencode hostname=h6.example.com \
    --data-urlencode "myip=$1" -u alice:alice-pw | sed '/^\\ no newline/d' | paste -sd' '
}

echo '--- valid'
for a in 2001:db8::1 2001:DB8:0:0:0:0:0:2 2001:0db8:0000:0000:0000:0000:0000:0003 \
         2001:db8:0:0:1:0:0:1 2001:db8:0:1:1:1:1:1 2001:db8::2:3:4:5:6 \
         2001:db8:0:0:1:0:0:0 2001:db8:1:2:3:4:5:: 2001:DB8::A:bC:0d:000e \
         2001:db8::ffff:192.0.2.1 64:ff9b::192.0.2.33 ::1 0:0:0:0:0:0:0:2 \
         ::ffff:0:c000:201 fe80::1
do
  set6 "$a"
  sed -n 's/^:h6.example.com:28://p' root/data.dyn
done
made
echo '--- encodings of 2001:db8::7'
for q in 2001:db8::7 2001%3adb8%3a%3a7 2001%3Adb8%3A%3A7 %32001:db8::7; do
  printf '%s -> ' "$q"
  req1 "/nic/update?hostname=h6.example.com&myip=$q" -u alice:alice-pw
done
showdyn
lookup h6.example.com aaaa

echo '--- invalid'
snap
for a in 1::2::3 ::: 1:2:3:4:5:6:7:8:9 fe80::1%eth0 2001:db8::00001 \
         2001:db8:::1 2001:db8::1: :2001:db8::1 2001:db8: 1:2:3:4:5:6:7:8:: \
         ::1:2:3:4:5:6:7:8 1:2:3::4:5:6:7:8 '[2001:db8::1]' 2001:db8::1/129 \
         2001:db8::g 2001:db8::1.2.3 2001:db8::192.0.2.01 \
         1:2:3:4:5:6:7:192.0.2.1 192.0.2.1:: '2001:db8::1 ' ' 2001:db8::1' \
         2001:db8::1,2001:db8::2 2001:db8::-1 0x2001:db8::1 2001:db8::10000 \
         'ｆe80::1' 2001:db8::1%00 :: 0:0:0:0:0:0:0:0 ff02::1 FF05::1:3
do
  set6 "$a"
done
echo '--- invalid, raw in the URL'
for q in '2001:db8::1+' '2001%3adb8%3a%3a1%25eth0' '2001:db8::1%' '2001:db8::1%0a' \
         '2001:db8::1%00'
do
  printf '%s -> ' "$q"
  req1 "/nic/update?hostname=h6.example.com&myip=$q" -u alice:alice-pw
done
same
made
notemp made
