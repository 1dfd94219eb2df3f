# ACME DNS-01 expiry: a challenge line is written with TTL 0 and a
# TAI64 time-to-die ACMELIFETIME seconds ahead; tinydns stops serving it
# then by itself, and the next write of data.dyn (any user's, address
# or TXT) drops every expired line of exactly that shape, and no other
# line; also when there are too many edits for dyn_scan (dyn_pass)
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1

past=$(tailabel -100)
PAST=$(echo "$past" | tr a-f A-F)
mkroot <<EOF2
+h1.example.com:192.0.2.1:60
=h2.example.com:192.0.2.2:60
'_acme-challenge.other.example.com:hand-made:300
'_acme-challenge.ttl00.example.com:v:00:$past
'_acme-challenge.upper.example.com:v:0:$PAST
'_acme-challenge.short.example.com:v:0:${past:1}
'_acme-challenge.loc.example.com:v:0:$past:lo
'txt.example.com:not-a-challenge:0:$past
#'_acme-challenge.comment.example.com:v:0:$past
'_acme-challenge.:v:0:$past
'_acme-challenge.bob.example.com:someone-elses:0:$past
'_ACME-Challenge.Case.example.com:v:0:$past
'_acme-challenge.h1.example.com:expired-value:0:$past
EOF2
# every line above but the last three stays: they are not lines
# tinydnsdyn writes (TTL 300 or 00, upper-case or short timestamp, a
# location, another name, a comment, no name after the prefix)
show() {
  showdyn | sed "s/$past/<PAST>/; s/$PAST/<PAST-UPPER>/; s/${past:1}/<PAST-15>/" |
    sed "s/^\('_acme-challenge\.[^:]*:[^:]*:0:\)[0-9a-f]\{16\}$/\1<TTD>/"
}
adduser alice alice-pw h1.example.com,h2.example.com
startserver ACMELIFETIME=4
starttinydns

echo '--- an expired value does not count: adding it again is good'
req1 '/nic/update?hostname=h1.example.com&action=del&txt=expired-value' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&txt=expired-value' -u alice:alice-pw
show
ttdcheck 4
dig_txt _acme-challenge.h1.example.com
echo '--- tinydns stops serving it by itself, data.dyn untouched'
snap
for ((i = 0; i < 40; i++)); do
  [ "$(dig_txt _acme-challenge.h1.example.com)" = "_acme-challenge.h1.example.com: no answer" ] && break
  sleep 0.5
done
dig_txt _acme-challenge.h1.example.com
same
echo '--- the next write drops it: an address update of another host'
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
show
echo '--- a request that writes nothing keeps expired lines'
printf "'_acme-challenge.h1.example.com:late:0:%s\n" "$past" >> root/data.dyn
snap
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&action=del&txt=late' -u alice:alice-pw
same
echo '--- ... and answers those from its look: a writer holding the data lock'
echo '    is not waited for (911 at TIMEOUT if it were)'
exec 7>> root/data.dyn.lock
flock 7
req1 '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&action=del&txt=late' -u alice:alice-pw
exec 7>&-
same
echo '--- an expired last line without newline goes, the new line follows'
printf "'_acme-challenge.h1.example.com:no-newline:0:%s" "$past" >> root/data.dyn
req1 '/nic/update?hostname=h1.example.com&txt=fresh' -u alice:alice-pw
show | tail -3
req1 '/nic/update?hostname=h1.example.com&action=del' -u alice:alice-pw
stopserver

echo '--- more edits than dyn_scan keeps: 300 expired lines, one TXT add'
for ((i = 0; i < 300; i++)); do
  printf "'_acme-challenge.h1.example.com:gone-%d:0:%s\n" $i "$past"
done >> root/data.dyn
echo '+h3.example.com:192.0.2.3:60' >> root/data.dyn
printf "'_acme-challenge.h1.example.com:last:0:%s" "$past" >> root/data.dyn
(cd root && make -s) >&2
adduser carol carol-pw h3.example.com
startserver
req1 '/nic/update?hostname=h3.example.com&txt=new-value' -u carol:carol-pw
show
dig_txt _acme-challenge.h3.example.com
echo "challenge lines of h1 left: $(grep -c "^'_acme-challenge.h1" root/data.dyn)"
notemp
