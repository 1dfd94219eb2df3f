# make fails: the changed host answers dnserr, data.dyn keeps the new
# address, no temp file is left. A host that did not change answers
# dnserr too: nochg would promise an address that is not published yet
# (the make that was to publish it failed); asking again retries make.
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1:300
+h2.example.com:192.0.2.10:300
EOF
printf '%s\n' 'data.cdb: data.dyn' '	false' > root/Makefile
adduser alice alice-pw
startserver

echo '--- make fails'
req '/nic/update?hostname=h1.example.com,h2.example.com&myip=192.0.2.10' -u alice:alice-pw
showdyn
notemp
echo '--- data.cdb still old'
lookup h1.example.com a
echo '--- same address again: data.dyn has it already, data.cdb does not'
snap
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
same
echo '--- another address, make still fails'
req '/nic/update?hostname=h2.example.com&myip=198.51.100.2' -u alice:alice-pw
showdyn
notemp
echo '--- make works again'
stdmakefile
req '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
showdyn
lookup h1.example.com a
lookup h2.example.com a
notemp
echo '--- no make at all: dnserr, as a make that could not start (exit 127)'
mkdir nomake
startserver PATH="$PWD/nomake"
req '/nic/update?hostname=h1.example.com&myip=198.51.100.3' -u alice:alice-pw
grep -c 'h1.example.com=dnserr; make failed: exit 127' log
notemp
