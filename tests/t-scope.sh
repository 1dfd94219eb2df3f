# a user may touch only its own hosts: their +, = and +*. lines, never
# +*.PARENT of someone else's; a listed "example.com" grants neither
# evilexample.com, a.example.com nor example.com.evil; list entries are
# compared without spaces, trailing dot or case; an empty list (no third
# field, or an empty one after a trailing colon) allows every host.  For
# every refused request data.dyn and data.cdb stay byte for byte the same
# (same inode, same time) and tinydns serves the old addresses.
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+example.com:192.0.2.4:300
+*.example.com:192.0.2.20:300
+h2.example.com:192.0.2.2:300
+*.h2.example.com:192.0.2.22:300
+evilexample.com:192.0.2.30:300
+a.example.com:192.0.2.31:300
+example.com.evil:192.0.2.32:300
+h3.example.com:192.0.2.3:300
=H4.Example.COM.:192.0.2.41:300
+*.h5.EXAMPLE.com.:192.0.2.51:300
+h6.example.com:192.0.2.61:300
EOF
# tinydns answers only inside its zones: make the look-alikes zones too
printf '%s\n' .evilexample.com:192.0.2.1:a:259200 \
  .example.com.evil:192.0.2.1:a:259200 >> root/data.static
(cd root && make -s) >&2 || die "make failed"
adduser bob bob-pw 'h2.example.com'
adduser carol carol-pw 'example.com'
adduser dave dave-pw ' H4.Example.COM. ,h5.example.com.,,  H6.EXAMPLE.COM '
adduser eve eve-pw ' , '
adduser frank frank-pw '*.example.com'
adduser alice alice-pw
adduser alice2 alice2-pw
sed -i '$ s/$/:/' passwd
grep -c '^alice2:\$y\$[^:]*:$' passwd | sed 's/^1$/alice2 has an empty list after a trailing colon/'
startserver

# refused USER HOST...: one request for the hosts; nothing may change
refused() {
  local u=$1 h
  shift
  snap
  snap data.cdb
  req1 "/nic/update?hostname=$(IFS=,; echo "$*")&myip=198.51.100.99" -u "$u:$u-pw" |
    sed "s/^/$u $*: /"
  same
  same data.cdb
}

# served NAME: the A records tinydns serves for NAME, on one line
served() {
  echo "$1: $(lookup "$1" a | sed 's/.* A //' | paste -sd' ')"
}

echo '--- bob (h2.example.com): the parent, its wildcard, siblings'
refused bob example.com
refused bob '*.example.com'
refused bob '%2A.example.com'
refused bob a.example.com
refused bob zzz.example.com
refused bob zzz.h2.example.com
served zzz.example.com
served example.com
echo '--- bob: his own host and its own wildcard only'
req1 '/nic/update?hostname=h2.example.com,*.example.com,example.com&myip=198.51.100.2' -u bob:bob-pw
showdyn | sed -n '1,4p'
served h2.example.com
served zzz.h2.example.com
served zzz.example.com
served example.com

echo '--- carol (example.com): names that only look like hers'
refused carol evilexample.com
refused carol a.example.com
refused carol example.com.evil
refused carol zzz.example.com
refused carol h2.example.com
refused carol 'evilexample.com,a.example.com,example.com.evil'
served evilexample.com
served a.example.com
served example.com.evil
echo '--- carol: example.com and its wildcard, nothing else'
req1 '/nic/update?hostname=example.com&myip=198.51.100.4' -u carol:carol-pw
showdyn
served example.com
served zzz.example.com
served a.example.com
served h2.example.com
served zzz.h2.example.com

echo '--- dave (list with spaces, dots, upper case, an empty entry)'
refused dave h3.example.com
refused dave h2.example.com
refused dave h4.example.com.evil
req1 '/nic/update?hostname=h4.example.com,H5.EXAMPLE.COM.,h6.Example.com&myip=198.51.100.6' -u dave:dave-pw
showdyn | sed -n '9,11p'
served h4.example.com
served zzz.h5.example.com
served h6.example.com

echo '--- eve (a list of blanks and commas grants nothing)'
refused eve h3.example.com
refused eve example.com
echo '--- frank (*.example.com in a list grants nothing)'
refused frank zzz.example.com
refused frank example.com
refused frank '*.example.com'

echo '--- alice (no list) and alice2 (empty list after a colon): any host'
req1 '/nic/update?hostname=h3.example.com,evilexample.com&myip=192.0.2.103' -u alice:alice-pw
req1 '/nic/update?hostname=a.example.com,example.com.evil&myip=192.0.2.104' -u alice2:alice2-pw
refused alice2 '*.example.com'
showdyn
served h3.example.com
served evilexample.com
served a.example.com
served example.com.evil
notemp
