# make runs in ROOT after a change; its output goes to the log, never into
# the answer; it inherits nothing of the handler's but the build locks
# (make.lock);
# and the data file the change replaced is let go (freed) once make is
# done, by nobody kept open
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
printf '%s\n' \
  'data.cdb: data' \
  '	@echo MAKE-STDOUT-LINE' \
  '	@echo MAKE-STDERR-LINE >&2' \
  '	@/bin/pwd > where' \
  '	@ls -l /proc/$$$$/fd/ | sed -n "s|.* -> ||p" > fds' \
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
# what make's shell has open, by name: stdin, the log, the build lock,
# and what make itself opens (a /dev/null and a pipe here); never the
# client's socket, the data file, the data lock
echo "make had: $(sed 's|.*/||; /^pipe:/d' root/fds | sort -u | tr '\n' ' ')"
for ((i = 0; i < 100; i++)); do
  held=$(ls -l /proc/[0-9]*/fd/ 2>/dev/null | grep -c " -> $(cd root && pwd -P)/data.dyn (deleted)$")
  [ "$held" = 0 ] && break
  sleep 0.1
done
echo "processes that keep the replaced data.dyn open: $held"
notemp where fds
