# DATA names another file in ROOT; that file is edited, data.dyn is not
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.50
EOF
printf '%s\n' '+h1.example.com:192.0.2.1:300' '+h2.example.com:192.0.2.2:300' > root/zone.dyn
printf '%s\n' \
  'data.cdb: data' \
  '	/usr/sbin/tinydns-data' \
  'data: data.static zone.dyn' \
  '	cat data.static zone.dyn > data.new' \
  '	mv data.new data' > root/Makefile
(cd root && make -s) >&2
adduser alice alice-pw
startserver DATA=zone.dyn

snap
req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
same
showdyn zone.dyn
snap zone.dyn
req '/nic/update?hostname=h2.example.com&myip=192.0.2.2' -u alice:alice-pw
same zone.dyn
lookup h1.example.com a
notemp zone.dyn zone.dyn.lock zone.dyn.status zone.dyn.status.lock
