# which lines an IPv6 update rewrites and how: generic :28: lines (any
# type field tinydns-data reads as 28), wildcards, the 6 and 3 lines of
# patched tinydns-data (32 hex digits); a field already holding the
# address, in whatever form, is left byte for byte; other lines never
. "$TESTS/lib.sh"
. "$TESTS/lib-ipv6.sh"

# (tinydns-data drops spaces and tabs at the end of a line, so a field
# with them is the address; "\040 " is not.) The 6 and 3 lines would
# stop Debian's tinydns-data: make only counts
mkdir root
cat > root/data.dyn <<'EOF2'
:g.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300:4000000060000000:ex
:g.example.com:028:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\002
:g.example.com:28x:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\003
:g.example.com:28
:g.example.com:28:
:g.example.com:29:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
:g.example.com:280:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
:g.example.com::\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
:g.example.com
:*.g.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300
:**.g.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300
:x.g.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300
6g.example.com:20010db8000000000000000000000001:300
3g.example.com:20010db8000000000000000000000001
3*.g.example.com:20010db8000000000000000000000001::4000000060000000
6*.g.example.com:20010db8000000000000000000000001
+g.example.com:192.0.2.1
=g.example.com:192.0.2.1
'g.example.com:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
#:g.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
:k.example.com:28: \1\15\270\0\0\0\0\0\0\0\0\0\0\0\1:300
:k.example.com:28:\040\001\015\270\0\0\0\0\0\0\0\0\0\0\0\001\:300
:k.example.com:28:\x\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
:k.example.com:28:\0401\015\270\000\000\000\000\000\000\000\000\000\000\000\001
:k.example.com:28:\440\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
6k.example.com:20010DB8000000000000000000000001:300
3k.example.com:20010db800000000000000000000001
3k.example.com:20010db80000000000000000000000001
3k.example.com:2001:db8::1
:k.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001 	 
:k.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001\040 	 
3k.example.com:20010db8000000000000000000000001	
EOF2
printf '%s\n' 'all:' '	echo ran >> made' > root/Makefile
adduser alice alice-pw
startserver

show() {
  showdyn | sed 's/\t/<TAB>/g; s/ $/<SP>/'
}

echo '--- g: new address'
req '/nic/update?hostname=g.example.com&myip=2001:db8::a' -u alice:alice-pw
show
made
echo '--- k: the same address in other spellings is kept'
req '/nic/update?hostname=k.example.com&myip=2001:db8::1' -u alice:alice-pw
show
made
echo '--- g, a prefix: the top 48 bits change in both forms, the rest stays'
sed -i 's/^6g\.example\.com:[0-9a-f]*/6g.example.com:20010db80000000000000000000abcde/' root/data.dyn
req '/nic/update?hostname=g.example.com&myip=2001:db8:ff::/48' -u alice:alice-pw
show | grep -a '^[36:]\*\{0,1\}\.\{0,1\}g\.'
made
notemp made

echo '--- c: CRLF line ends; a generic line that its address ends gets an'
echo '    empty TTL field before its CR (else tinydns-data reads the CR as'
echo '    a 17th byte), once; served as 16 bytes with the default TTL'
printf '%s\r\n' ':c.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001' \
  ':c.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001:300' \
  '+c.example.com:192.0.2.1' >> root/data.dyn
req1 '/nic/update?hostname=c.example.com&myip=2001:db8::5' -u alice:alice-pw
req1 '/nic/update?hostname=c.example.com&myip=2001:db8::5' -u alice:alice-pw
show | grep -a '^[:+]c\.'
mkdir -p served
{ echo .example.com:192.0.2.1:a:259200; grep -a "^[:+]c\." root/data.dyn; } > served/data
(cd served && tinydns-data && tinydns-get aaaa c.example.com) | sed -n 's/^answer: //p' | sort
