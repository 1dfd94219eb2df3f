# make runs in ROOT after a change; its output goes to the log, never into
# the answer
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
printf '%s\n' \
  'data.cdb: data' \
  '	@echo MAKE-STDOUT-LINE' \
  '	@echo MAKE-STDERR-LINE >&2' \
  '	@/bin/pwd > where' \
  '	/usr/sbin/tinydns-data' \
  'data: data.static data.dyn' \
  '	cat data.static data.dyn > data.new' \
  '	mv data.new data' > root/Makefile
adduser alice alice-pw
startserver

req '/nic/update?hostname=h1.example.com&myip=192.0.2.10' -u alice:alice-pw
if [ "$(cat root/where 2>/dev/null)" = "$(cd root && pwd -P)" ]; then
  echo 'make ran in ROOT'
else
  echo "make ran in '$(cat root/where 2>/dev/null)'"
fi
settle
grep -q MAKE-STDOUT-LINE log && echo 'make stdout in log' || echo 'make stdout NOT in log'
grep -q MAKE-STDERR-LINE log && echo 'make stderr in log' || echo 'make stderr NOT in log'
lookup h1.example.com a
notemp where
