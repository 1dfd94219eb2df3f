# a change renamed in while another change's make runs gets a make that
# rebuilds, whatever the data file is called: the handler gives the
# data file a time after every other file of ROOT's, its own files
# aside. With DATA=data (one data file, data.cdb named after it) make's
# output data.cdb is such another file, not one of tinydnsdyn's.
. "$TESTS/lib.sh" || exit 1

# holdmakefile SOURCES: copies the data to build/ first, then waits
# while root/hold exists (saying so in root/making), then builds
holdmakefile() {
  printf '%s\n' \
    "data.cdb: $1" \
    "	cat $1 > build/data" \
    '	if [ -e hold ]; then touch making; while [ -e hold ]; do sleep 0.05; done; rm -f making; fi' \
    '	cd build && /usr/sbin/tinydns-data' \
    '	mv build/data.cdb data.cdb' > root/Makefile
}

race() { # race DATA: h1 changed; h3 changed while h1's make waits
  touch root/hold
  local p1 p3
  req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw > r1 &
  p1=$!
  waitfor test -e root/making
  req1 '/nic/update?hostname=h3.example.com&myip=198.51.100.3' -u alice:alice-pw > r3 &
  p3=$!
  waitfor grep -q '^+h3.example.com:198.51.100.3:' "root/$1"
  rm root/hold
  wait $p1 $p3
  echo "h1: $(cat r1)"
  echo "h3: $(cat r3)"
  lookup h1.example.com a
  lookup h3.example.com a
}

adduser alice alice-pw
mkdir -p root/build
echo '--- DATA=data: the one data file'
printf '%s\n' '.example.com:192.0.2.1:a:259200' '+h1.example.com:192.0.2.10:300' \
  '+h3.example.com:192.0.2.30:300' > root/data
holdmakefile data
(cd root && make -s) >&2
startserver DATA=data
race data
notemp build data.lock data.status data.status.lock
stopserver

echo '--- DATA=data.dyn: the usual layout'
rm -rf root; mkdir -p root/build
echo '.example.com:192.0.2.1:a:259200' > root/data.static
printf '%s\n' '+h1.example.com:192.0.2.10:300' '+h3.example.com:192.0.2.30:300' > root/data.dyn
holdmakefile 'data.static data.dyn'
(cd root && make -s) >&2
startserver
race data.dyn
notemp build
