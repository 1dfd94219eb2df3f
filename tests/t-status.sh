# the handler records each host's answers in data.dyn.status after it
# has answered; a nochg still writes nothing to data.dyn and runs no
# make; tinydnsdyn-status shows the table (never seen and stale hosts
# marked, oldest first) and writes Prometheus metrics that promtool
# accepts; a status file that cannot be written changes no answer
. "$TESTS/lib.sh"
S=$TOP/tinydnsdyn-status

mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.2:300
:h2.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\002:300
+h3.example.com:192.0.2.3:300
EOF2
countmakefile
adduser alice alice-pw
adduser bob bob-pw h2.example.com
startserver
ages() { sed -E 's/(^| |,)[0-9]+[smhd]( |,|$)/\1AGE\2/g; s/(^| |,)[0-9]+[smhd]( |,|$)/\1AGE\2/g' | tr -s ' '; }
u() { req1 "/nic/update?hostname=$1&myip=$2" -u "$3"; }

echo '--- updates'
u h1.example.com 198.51.100.1 alice:alice-pw
u h2.example.com 198.51.100.2,2001:db8::22 bob:bob-pw
snap
made
u h1.example.com 198.51.100.1 alice:alice-pw
echo '--- a nochg with status on: data.dyn untouched, no make'
same
made
echo '--- failures'
u h2.example.com 198.51.100.9 bob:wrong
u h1.example.com 198.51.100.9 bob:bob-pw
u h9.example.com 198.51.100.9 alice:alice-pw
u x 198.51.100.9 alice:alice-pw
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.9'
u h3.example.com 198.51.100.9 mallory:wrong
$TOP/tinydnsdyn-host root add h4.example.com 192.0.2.4 > /dev/null 2>&1
u h4.example.com 198.51.100.9 mallory:wrong
settle
echo '--- the status file'
sed -E 's/ (s|c4|c6|f)=[0-9]+/ \1=T/g; s/ +$//' root/data.dyn.status
# seen times of our choosing, so that the order does not depend on the
# clock
seen() {
  sed -E "/^$1 /s/ s=[0-9]+/ s=$2/" root/data.dyn.status > st.new &&
    mv st.new root/data.dyn.status
}
# field HOST KEY: the value of KEY= in HOST's line
field() {
  awk -v h="$1" -v k="$2=" '$1 == h { for (i = 2; i <= NF; i++) if (index($i, k) == 1) print substr($i, length(k) + 1) }' root/data.dyn.status
}
now=$(date +%s)
seen h1.example.com $((now - 60))
seen h2.example.com $((now - 3600))
echo '--- tinydnsdyn-status: never seen first, then the longest unseen'
"$S" root | ages
echo '--- h1 last seen 10 days ago'
seen h1.example.com $((now - 864000))
"$S" root | ages | grep '^h1\|not seen'
"$S" -s 30 root | ages | grep '^h1\|not seen'
"$S" root | awk '$1 == "h1.example.com" { print "h1 seen " $4 " ago" }'
echo '--- metrics'
"$S" --prom metrics.prom root; echo "exit $?"
promtool check metrics < metrics.prom; echo "promtool exit $?"
grep -v '^#' metrics.prom | grep 'h1\.\|answers_total{code\|_hosts ' | sed -E 's/ [0-9]{9,}$/ TIME/'
stat -c %a metrics.prom
ls -a | grep -c 'metrics.prom.tmp'
"$S" --prom nodir/m.prom root 2>&1 | sed "s|$PWD|CWD|"; echo "exit ${PIPESTATUS[0]}"
echo '--- usage'
"$S" 2>&1; echo "exit $?"
"$S" -s 0 root 2>&1; echo "exit $?"
"$S" root extra 2>&1; echo "exit $?"
echo '--- a status file that cannot be written changes no answer'
rm -f root/data.dyn.status.lock
mkdir root/data.dyn.status.lock
u h1.example.com 198.51.100.5 alice:alice-pw
settle
grep -c 'h1.example.com=good:198.51.100.5 (status not recorded: ' log
lookup h1.example.com a
rmdir root/data.dyn.status.lock
notemp made
echo '--- a nochg writes its line over the old one, in place'
u h1.example.com 198.51.100.5 alice:alice-pw
settle
i1=$(stat -c %i root/data.dyn.status)
u h1.example.com 198.51.100.5 alice:alice-pw
settle
[ "$(stat -c %i root/data.dyn.status)" = "$i1" ] && echo "same file" || echo "A NEW FILE"
echo "h1: $(field h1.example.com nochg) nochg"
echo "all: $(field '*' nochg) nochg"
awk '{ print length($0) % 128 }' root/data.dyn.status | sort -u
echo '--- a new host makes a new file (and removes one a killed handler left)'
touch root/data.dyn.status.tmp.99999.1.1
$TOP/tinydnsdyn-host root add h5.example.com 192.0.2.5 > /dev/null 2>&1
u h5.example.com 198.51.100.5 alice:alice-pw
settle
[ "$(stat -c %i root/data.dyn.status)" = "$i1" ] && echo "SAME FILE" || echo "a new file"
echo "h5: $(field h5.example.com good) good"
notemp made
echo '--- abuse is a failure of its host'
stopserver
startserver MAXPERHOUR=1
u h5.example.com 198.51.100.51 alice:alice-pw
u h5.example.com 198.51.100.52 alice:alice-pw
settle
"$S" root | ages | grep '^h5'
echo '--- lines of the first format are still read, and rewritten in this one'
stopserver
now=$(date +%s)
printf '%s\n' "h1.example.com $now $now 0 $now 2 192.0.2.7 192.0.2.8 0 4 7 9 0 0 0 0 0 0 carol" \
  "* 0 0 0 0 0 - - 1 4 7 9 0 0 0 0 0 0" > root/data.dyn.status
"$S" root | ages | grep '^h1'
startserver
u h1.example.com 198.51.100.77 alice:alice-pw
settle
sed -E 's/ (s|c4|c6|f)=[0-9]+/ \1=T/g; s/ +$//' root/data.dyn.status | grep '^h1\|^\*'
echo '--- a field this version does not know is skipped'
sed -i '/^h1/s/ good=/ later=5 good=/' root/data.dyn.status
"$S" root | ages | grep '^h1'
