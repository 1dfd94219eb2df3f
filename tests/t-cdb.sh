# the cdb reader (cdb_*.c) and ptr_served on files the real
# tinydns-data wrote: 3000 random names of every record kind, each
# found with its type, flag and TTL, the absent ones not found; the
# reverse zones it serves; broken files give an error, never a crash
. "$TESTS/lib.sh" || exit 1
buildhelper cdbtest

mkdir d
# each name once, lower case in data, any case when asked; the expected
# answer is in want (flag '=' plain, '*' wildcard, '>' with a location)
: > d/data
: > names
: > want
echo '%lo:192.0.2' >> d/data
for ((i = 0; i < 3000; i++)); do
  n=h$i-$RANDOM.z$((RANDOM % 7)).example.com
  ttl=$((RANDOM % 86400 + 1))
  case $((i % 6)) in
    0) echo "+$n:192.0.2.$((i % 250 + 1)):$ttl" >> d/data; w="1 = $ttl" ;;
    1) echo "+*.$n:192.0.2.1:$ttl" >> d/data; w="1 * $ttl" ;;
    2) echo "@$n::mx.example.net:10:$ttl" >> d/data; w="15 = $ttl" ;;
    3) echo "'$n:text $i:$ttl" >> d/data; w="16 = $ttl" ;;
    4) echo "+$n:198.51.100.7:$ttl::lo" >> d/data; w="1 > $ttl" ;;
    5) echo "Z$n:ns.example.net:hm.example.net::::::$ttl" >> d/data; w="6 = $ttl" ;;
  esac
  if ((RANDOM % 2)); then echo "$n" | tr a-z A-Z >> names; else echo "$n" >> names; fi
  echo " $w" >> want
  # a near miss that is no key
  echo "x$n" >> names
  echo " none" >> want
done
(cd d && tinydns-data) || die "tinydns-data failed"
./cdbtest get d/data.cdb < names > got
paste -d '' names want > expect
if cmp -s expect got; then
  echo "6000 lookups: all as written"
else
  echo "lookups differ:"
  diff expect got | head -10
fi

size=$(stat -c %s d/data.cdb)
head -c $((size / 2)) d/data.cdb > d/trunc.cdb
# its hash tables are gone, the 256 pointers to them are not: a name it
# holds fails, and so does a near miss, unless its pointer says its
# table is empty (some are, by chance of the random names): then none
./cdbtest get d/trunc.cdb < names > got.trunc
echo "truncated to half: $(sed -n '1~2p' got.trunc | grep -c ' error$') of 3000 names it holds fail"
echo "truncated to half: $(grep -vc -e ' error$' -e ' none$' got.trunc) lookups find something"

echo '--- a name with several records, in file order'
printf '%s\n' '+multi.example.com:192.0.2.1:10' '+multi.example.com:192.0.2.2:20' \
  "'multi.example.com:t:30" '+*.multi.example.com:192.0.2.3:40' >> d/data
(cd d && tinydns-data) || die "tinydns-data failed"
echo multi.example.com | ./cdbtest get d/data.cdb

echo '--- reverse zones: SOA at the name or above it, not NS alone'
cat > d/data <<'E'
.2.0.192.in-addr.arpa:192.0.2.1:a:259200
Z0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa:ns.example.com:hm.example.com
&100.51.198.in-addr.arpa::ns.example.net
=gw.example.com:198.51.100.200
E
(cd d && tinydns-data) || die "tinydns-data failed"
for ip in 192.0.2.77 192.0.2.0 198.51.100.200 198.51.100.9 127.0.0.1 \
          2001:db8::1 2001:db8:0:ffff::1 2001:db8:1::1 ::1; do
  echo "$ip $(./cdbtest ptr d/data.cdb $ip)"
done
echo '--- the root zone: everything'
echo '.:192.0.2.1:a' > d/data
(cd d && tinydns-data) || die "tinydns-data failed"
echo "198.51.100.9 $(./cdbtest ptr d/data.cdb 198.51.100.9)"
echo "2001:db8:1::1 $(./cdbtest ptr d/data.cdb 2001:db8:1::1)"

echo '--- missing, empty, short, truncated, garbage'
echo "missing $(./cdbtest ptr d/none.cdb 192.0.2.77)"
: > d/empty.cdb
echo "empty $(./cdbtest ptr d/empty.cdb 192.0.2.77)"
head -c 2047 /dev/zero > d/short.cdb
echo "short $(./cdbtest ptr d/short.cdb 192.0.2.77)"
head -c 2048 /dev/zero > d/zero.cdb
echo "header only, all tables empty $(./cdbtest ptr d/zero.cdb 192.0.2.77)"
# every table at the end of the file, 2^28 slots long
perl -e 'print pack("VV", 2048, 0x10000000) x 256' > d/huge.cdb
echo "tables past the end $(./cdbtest ptr d/huge.cdb 192.0.2.77)"
# files made by hand around the key 77.2.0.192.in-addr.arpa
key='\00277\0012\0010\003192\007in-addr\004arpa\000'
mk() {
  perl -e '
    my ($kind, $key) = @ARGV;
    $key =~ s/\\([0-7]{3})/chr(oct($1))/ge;
    my $h = 5381;
    $h = (($h << 5) + $h ^ ord($_)) & 0xffffffff for split //, $key;
    my $rec = pack("VV", length($key), $kind eq "longdata" ? 99999 : 15) . $key;
    $rec .= "\0\6=" . "\0" x 12 unless $kind eq "longdata";
    my $t = 2048 + length($rec);
    my $slot = $kind eq "far" ? pack("VV", $h, 99999) : pack("VV", $h, 2048);
    my $slots = $kind eq "loop" ? 4 : 1;
    $rec = pack("VV", 7, 15) . "x" x 22 if $kind eq "loop";
    $t = 2048 + length($rec);
    print pack("VV", $t, $slots) x 256, $rec, $slot x $slots;
  ' "$1" "$key"
}
mk good > d/good.cdb
echo "a good file made by hand $(./cdbtest ptr d/good.cdb 192.0.2.77)"
mk far > d/far.cdb
echo "record past the end $(./cdbtest ptr d/far.cdb 192.0.2.77)"
mk longdata > d/long.cdb
echo "data past the end $(./cdbtest ptr d/long.cdb 192.0.2.77)"
# every slot matches the hash, none is empty, no key matches: the
# probe stops after one round
mk loop > d/loop.cdb
echo "no empty slot $(./cdbtest ptr d/loop.cdb 192.0.2.77)"
crashes=0
for ((i = 0; i < 300; i++)); do
  head -c $((2048 + RANDOM % 4096)) /dev/urandom > d/rnd.cdb
  ./cdbtest ptr d/rnd.cdb 192.0.2.77 > /dev/null 2>&1 || crashes=$((crashes + 1))
  ./cdbtest ptr d/rnd.cdb 2001:db8::1 > /dev/null 2>&1 || crashes=$((crashes + 1))
done
echo "300 random files: $crashes crashes"
