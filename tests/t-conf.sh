# tinydnsdyn-conf: usage errors (100, nothing made), the service
# directory it makes (files, owners, modes, contents), a root that exists
# with or without a Makefile, and refusing an existing D (111)
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"
C=$TOP/tinydnsdyn-conf
ensureusers
home=$(head -1 "$TOP/conf-home")
show() { sed "s|$PWD|CWD|g; s|$home/bin/|HOME/bin/|g"; }
conf() { # args...; prints the exit code and the first line of stderr
  "$C" "$@" 2>err
  echo "exit $? $(head -1 err | show | errnorm)"
}
tree() {
  find "$@" -printf '%p %y %u:%g %m\n' | LC_ALL=C sort
}

echo '--- usage'
conf
conf tinydnsdyn tinydnsdynlog "$PWD/svc"
conf tinydnsdyn tinydnsdynlog svc "$PWD/data"
conf tinydnsdyn tinydnsdynlog "$PWD/svc" data
conf nosuchuser tinydnsdynlog "$PWD/svc" "$PWD/data"
conf tinydnsdyn 'x;rm' "$PWD/svc" "$PWD/data"
conf tinydnsdyn -x "$PWD/svc" "$PWD/data"
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" 127.1
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" ''
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" 2001:db8:::1
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" '[::1]'
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" 127.0.0.1 0
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" 127.0.0.1 65536
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" 127.0.0.1 80x
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data" 127.0.0.1 80 x
conf tinydnsdyn tinydnsdynlog "$PWD/svc
x" "$PWD/data"
ls

echo '--- a new service and a new root'
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/data"
tree svc data
for f in run log/run env/ROOT env/PASSWD env/IP env/PORT rules Makefile; do
  echo "== $f"
  show < "svc/$f"
done
sh -n svc/run && sh -n svc/log/run && echo "run scripts parse"
if grep -qF "$home/bin/tinydnsdyn" svc/run; then
  echo "run uses the installed path from conf-home"
fi
cmp data/Makefile "$TOP/data.Makefile" && echo "data/Makefile is data.Makefile"
# the example run script in the tree gives tcpserver the same options
opts() { grep -o 'tcpserver [^"]* -x rules.cdb' "$1"; }
if [ -n "$(opts svc/run)" ] && [ "$(opts svc/run)" = "$(opts "$TOP/run")" ]; then
  echo "the example run has the same tcpserver options"
else
  echo "tcpserver options differ: '$(opts svc/run)' and '$(opts "$TOP/run")'"
fi
echo "sizes: $(wc -c < svc/passwd) $(wc -c < data/data.dyn) $(wc -c < data/data)"
for ip in 127.0.0.1 127.0.0.2 192.0.2.1; do
  printf '%s: ' "$ip"
  env TCPREMOTEIP=$ip tcprulescheck svc/rules.cdb | tail -1
done
echo '.example.com:192.0.2.1:a' > data/data
echo '+h.example.com:192.0.2.5' > data/data.dyn
(cd data && make -s 2>&1) && [ -f data/data.cdb ] && echo "data Makefile builds data.cdb"
(cd data && tinydns-get a h.example.com) | grep '^answer:'
ls data/build

echo '--- D exists'
tree svc > before
conf tinydnsdyn tinydnsdynlog "$PWD/svc" "$PWD/other"
tree svc | cmp -s - before && echo "svc unchanged"
[ -e other ] || echo "other not made"

echo "--- a stock Makefile (Debian's tinydns) is converted, data kept"
mkdir data2
printf 'data.cdb: data\n\t/usr/sbin/tinydns-data\n' > data2/Makefile
echo '+x.example.com:192.0.2.1' > data2/data
: > data2/data.dyn.lock   # left by a hand edit as root, mode 644: made 600
conf tinydnsdyn tinydnsdynlog "$PWD/svc2" "$PWD/data2" 0 8246
tail -n +2 err | show
tree data2
cat data2/Makefile.orig
cmp data2/Makefile "$TOP/data.Makefile" && echo "data2/Makefile is data.Makefile"
cat data2/data
echo "IP $(cat svc2/env/IP) PORT $(cat svc2/env/PORT) ROOT $(show < svc2/env/ROOT)"

echo '--- a stock Makefile with a Makefile.orig beside it is refused'
mkdir data7
printf 'data.cdb: data\n\t/usr/sbin/tinydns-data\n' > data7/Makefile
: > data7/Makefile.orig
conf tinydnsdyn tinydnsdynlog "$PWD/svc7" "$PWD/data7"
[ -e svc7 ] || echo "svc7 not made"

echo '--- an old data.static beside no Makefile is named'
mkdir data8
echo '+s.example.com:192.0.2.8' > data8/data.static
conf tinydnsdyn tinydnsdynlog "$PWD/svc8" "$PWD/data8"

echo '--- a Makefile that does not build from data.dyn is refused'
mkdir data5
printf 'data.cdb: data\n\ttinydns-data\n\tcp data.cdb /elsewhere/\n' > data5/Makefile
tree data5 > before
conf tinydnsdyn tinydnsdynlog "$PWD/svc5" "$PWD/data5"
[ -e svc5 ] || echo "svc5 not made"
tree data5 | cmp -s - before && echo "data5 unchanged"
# doing what the message says works
mv data5/Makefile data5/Makefile.old
conf tinydnsdyn tinydnsdynlog "$PWD/svc5" "$PWD/data5"
cmp data5/Makefile "$TOP/data.Makefile" && echo "data5/Makefile is data.Makefile"

echo '--- a Makefile that builds from data.dyn is kept'
mkdir data6
printf 'data.cdb: data.dyn\n\tcp data.dyn data && tinydns-data\n' > data6/Makefile
conf tinydnsdyn tinydnsdynlog "$PWD/svc6" "$PWD/data6"
tree data6
cat data6/Makefile

echo '--- a root without Makefile keeps its data files'
mkdir data3
echo '+h.example.com:192.0.2.9' > data3/data.dyn
chmod 640 data3/data.dyn
conf tinydnsdyn tinydnsdynlog "$PWD/svc3" "$PWD/data3" 127.0.0.3
tree data3
cat data3/data.dyn

echo '--- root is a file'
: > data4
conf tinydnsdyn tinydnsdynlog "$PWD/svc4" "$PWD/data4"
