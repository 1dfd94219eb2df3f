# ACME DNS-01 scope: a user sets challenge values only for hosts an
# address update could change: allowed by the user's domain list and
# with an address line in data.dyn. Anything else is nohost or notfqdn
# and changes nothing.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-acme.sh" || exit 1

future=$(tailabel 3000)
l60=$(printf 'a%.0s' $(seq 60))
long237=$l60.$l60.$l60.${l60:0:42}.example.com   # _acme-challenge.NAME: 253 bytes
long238=$l60.$l60.$l60.${l60:0:43}.example.com   # 254: tinydns-data would refuse it
mkroot <<EOF2
+h1.example.com:192.0.2.1:60
+h2.example.com:192.0.2.2:60
+*.wild.example.com:192.0.2.3:60
+notlisted.example.com:192.0.2.4:60
+$long237:192.0.2.5:60
+$long238:192.0.2.6:60
'_acme-challenge.noaddr.example.com:made-by-hand:0:$future
EOF2
adduser alice alice-pw h1.example.com,wild.example.com,noaddr.example.com
adduser bob bob-pw h2.example.com
adduser carol carol-pw
startserver
starttinydns
show() {
  showacme | sed "s/$l60/<60a>/g"
}

echo '--- another user'"'"'s host'
snap
req1 '/nic/update?hostname=h2.example.com&txt=stolen' -u alice:alice-pw
req1 '/nic/update?hostname=h2.example.com&action=del' -u alice:alice-pw
echo '--- a host in the list without an address line'
req1 '/nic/update?hostname=noaddr.example.com&txt=new' -u alice:alice-pw
req1 '/nic/update?hostname=noaddr.example.com&action=del&txt=made-by-hand' -u alice:alice-pw
req1 '/nic/update?hostname=noaddr.example.com&action=set&txt=mine' -u alice:alice-pw
echo '--- a host with lines that is not in the list'
req1 '/nic/update?hostname=notlisted.example.com&txt=new' -u alice:alice-pw
echo '--- the challenge name itself, and names that are not hosts'
req1 '/nic/update?hostname=_acme-challenge.h1.example.com&txt=new' -u alice:alice-pw
req1 '/nic/update?hostname=_acme-challenge.h2.example.com&txt=new' -u bob:bob-pw
req1 '/nic/update?hostname=*.h1.example.com&txt=new' -u alice:alice-pw
req1 '/nic/update?hostname=h1.example.com:x&txt=new' -u alice:alice-pw
req1 '/nic/update?txt=new' -u alice:alice-pw
same
dig_txt _acme-challenge.h2.example.com
dig_txt _acme-challenge.noaddr.example.com
dig_txt _acme-challenge.notlisted.example.com
dig_txt _acme-challenge._acme-challenge.h1.example.com
echo '--- one request: only the allowed host with lines changes'
req1 '/nic/update?hostname=h1.example.com,h2.example.com,_acme-challenge.h1.example.com,noaddr.example.com,notlisted.example.com,wild.example.com&txt=v1' -u alice:alice-pw
show
dig_txt _acme-challenge.h1.example.com
dig_txt _acme-challenge.wild.example.com
dig_txt _acme-challenge.h2.example.com
echo '--- without a domain list: any host with address lines'
req1 '/nic/update?hostname=h2.example.com,noaddr.example.com&txt=v2' -u carol:carol-pw
echo '--- a name too long to carry _acme-challenge. in front'
echo "lengths ${#long237} ${#long238}"
req1 "/nic/update?hostname=$long238&txt=v3" -u carol:carol-pw
req1 "/nic/update?hostname=$long237&txt=v3" -u carol:carol-pw
dig_txt "_acme-challenge.$long237"
show
echo '--- each user removes only their own'
req1 '/nic/update?hostname=h1.example.com,h2.example.com,wild.example.com&action=del' -u bob:bob-pw
show | grep "^'"
echo '--- the log'
grep -o 'alice 200 txt:.*\|bob 200 txt:.*\|carol 200 txt:.*' log | sed "s/$l60/<60a>/g"
