#!/bin/sh
# A demo tinydnsdyn on 127.0.0.1:8245 with its own tinydns on
# 127.53.0.1:53, in /tmp/tinydnsdyn-demo. Runs in the foreground;
# Ctrl-C stops both. Needs the programs built (make) and deps.sh run.
set -e
# started by make demo: the makes the handler runs are not nested in it
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
top=$(cd "$(dirname "$0")" && pwd)
d=${DEMO_DIR-/tmp/tinydnsdyn-demo}
port=${DEMO_PORT-8245}
dnsip=${DEMO_DNSIP-127.53.0.1}

rm -rf "$d"
mkdir -p "$d/root/build"
cp "$top/data.Makefile" "$d/root/Makefile"
cat > "$d/root/data" <<DATA
.demo.example:$dnsip:a:259200
+www.demo.example:192.0.2.80:3600
DATA
cat > "$d/root/data.dyn" <<DATA
# dynamic hosts: tinydnsdyn rewrites the address of these lines only
+home.demo.example:192.0.2.1:60
+*.home.demo.example:192.0.2.1:60
=nas.demo.example:192.0.2.2:60
DATA
(cd "$d/root" && make -s)
salt=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n' | tr '0-9a-f' 'A-Za-p')
hash=$(perl -e 'print crypt($ARGV[0],$ARGV[1])' demo "\$y\$j9T\$$salt\$")
echo "demo:$hash" > "$d/passwd"
chmod 600 "$d/passwd"

tinydnspid=
if env IP="$dnsip" ROOT="$d/root" UID=0 GID=0 tinydns > "$d/tinydns.log" 2>&1 &
then tinydnspid=$!
fi
trap '[ -n "$tinydnspid" ] && kill $tinydnspid 2>/dev/null; exit 0' INT TERM EXIT

cat <<MSG

tinydnsdyn demo in $d
  user demo, password demo; dynamic hosts home.demo.example (and
  *.home.demo.example) and nas.demo.example; tinydns on $dnsip.

In another terminal:
  curl -u demo:demo "http://127.0.0.1:$port/nic/update?hostname=home.demo.example,nas.demo.example&myip=198.51.100.7"
  dig +short @$dnsip home.demo.example
  cat $d/root/data.dyn

Ctrl-C stops the demo. Log:
MSG
# the handler runs as nobody, as it would as its own account: it owns
# the data directory and can read the password file, nothing else
chown -R nobody "$d/root" "$d/passwd"
# nobody runs a copy: the tree may be where nobody cannot reach it
# (a clone in /root, mode 0700 on Debian: "access denied")
cp "$top/tinydnsdyn" "$d/tinydnsdyn"
chmod 755 "$d/tinydnsdyn"
env ROOT="$d/root" PASSWD="$d/passwd" \
  tcpserver -vDRHl0 -u "$(id -u nobody)" -g "$(id -g nobody)" 127.0.0.1 "$port" "$d/tinydnsdyn"
