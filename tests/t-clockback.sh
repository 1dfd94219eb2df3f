# the clock was set back (NTP correcting a clock that ran an hour
# ahead, an operator's date) after the data directory was last built:
# its files are dated in the future. make would make data (now) and
# find it older than data.cdb (an hour ahead): tinydns-data never ran
# again, and every change was answered good and never served. The
# handler gives such files the time of a second ago before its make.
. "$TESTS/lib.sh" || exit 1

up() { req1 "/nic/update?hostname=$1&myip=$2" -u alice:alice-pw; }
ahead() { (cd root && touch -d '+1 hour' "$@"); }
future() { # the files of root dated after now, by name
  local f n=0
  for f in root/*; do [ "$(stat -c %Y "$f")" -gt "$(date +%s)" ] && n=$((n + 1)); done
  echo "files dated in the future: $n"
}

adduser alice alice-pw
echo '--- data.static + data.dyn -> data -> data.cdb'
mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
EOF2
stdmakefile
startserver
up h1.example.com 198.51.100.1
lookup h1.example.com a
ahead Makefile data.static data.dyn data data.cdb
future
up h1.example.com 198.51.100.2
lookup h1.example.com a
future
up h1.example.com 198.51.100.2
up h1.example.com 198.51.100.3
lookup h1.example.com a
stopserver

echo '--- DATA=data: data -> data.cdb'
rm -rf root; mkdir root
printf '%s\n' '.example.com:192.0.2.1:a:259200' '+h1.example.com:192.0.2.10:300' > root/data
printf '%s\n' 'data.cdb: data' '	/usr/sbin/tinydns-data' > root/Makefile
(cd root && make -s) >&2
ahead Makefile data data.cdb
startserver DATA=data
up h1.example.com 198.51.100.4
lookup h1.example.com a
future
stopserver
notemp data.lock data.status data.status.lock
