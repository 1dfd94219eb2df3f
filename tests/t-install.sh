# make setup check installs the programs and man pages under conf-home
# (a temporary one here); instcheck notices a damaged install; the
# installed tinydnsdyn serves through tcpserver; every man page renders
# without warnings
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

buildhome
echo '--- installed'
find home -printf '%P %y %m\n' | LC_ALL=C sort
grep -c '^instcheck: warning' build.log
grep -F "const char auto_home[] =" src/auto_home.c | sed "s|$PWD|CWD|"

echo '--- instcheck notices damage'
chmod 700 home/bin/tinydnsdyn
echo '.\" extra' >> home/man/man8/tinydnsdyn.8
rm home/bin/tinydnsdyn-passwd
(cd src && ./instcheck) 2>&1 | sed "s|$PWD|CWD|g" | errnorm
echo "exit ${PIPESTATUS[0]}"
(cd src && make setup check) > build2.log 2>&1
echo "make setup check again: exit $?"
find home/bin -printf '%P %y %m\n' | LC_ALL=C sort

echo '--- the installed program serves'
mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser alice alice-pw
PROG=$PWD/home/bin/tinydnsdyn
startserver
req '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
echo pw2 | home/bin/tinydnsdyn-passwd passwd bob && echo "installed tinydnsdyn-passwd ran"
req '/nic/update?hostname=h1.example.com&myip=198.51.100.2' -u bob:pw2
showdyn
stopserver
grep -c "tinydnsdyn: 127.0.0.1 [a-z]* 200 h1.example.com=good" log

echo '--- man pages'
for p in tinydnsdyn tinydnsdyn-conf tinydnsdyn-passwd tinydnsdyn-host tinydnsdyn-status tinydnsdyn-check; do
  f=home/man/man8/$p.8
  MANWIDTH=80 man --warnings -l "$f" > "$p.txt" 2> "$p.warn"
  echo "$p: man exit $?, $(wc -l < "$p.warn") warning lines"
  groff -man -ww -z "$f" 2>&1 | head -3
  MANWIDTH=80 man -l "$f" 2>/dev/null | col -b | sed -n '/^NAME/{n;p;}'
  man -M "$PWD/home/man" -w "$p" | sed "s|$PWD|CWD|"
done
cat ./*.warn
# every page has the sections an operator looks for
for p in tinydnsdyn tinydnsdyn-conf tinydnsdyn-passwd tinydnsdyn-host tinydnsdyn-status tinydnsdyn-check; do
  printf '%s:' "$p"
  grep -o '^[A-Z][A-Z ]*[A-Z]$' "$p.txt" | grep -v '^TINYDNSDYN' | tr '\n' ' '
  echo
done
