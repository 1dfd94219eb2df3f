# ddclient 3.10 (protocol dyndns2) works unchanged against the server
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF
adduser alice alice-pw
startserver

ddc() {  # ddc PASSWORD IP
  cat > ddclient.conf <<EOF
daemon=0
ssl=no
use=ip, ip=$2
protocol=dyndns2
server=127.0.0.1:$PORT
login=alice
password=$1
h1.example.com,h2.example.com
EOF
  chmod 600 ddclient.conf
  rm -f ddclient.cache
  localnet timeout 60 ddclient -daemon=0 -foreground -verbose -noquiet -force \
    -file ddclient.conf -cache ddclient.cache > dd.out 2>&1
  echo "ddclient exit $?"
  grep -E '^(SUCCESS|FAILED|WARNING|FATAL): +updating ' dd.out | sed 's/  */ /g'
  cat dd.out >&2
}

echo '--- update'
ddc alice-pw 192.0.2.10
showdyn
echo '--- same address'
ddc alice-pw 192.0.2.10
echo '--- wrong password'
ddc wrong 198.51.100.1
showdyn
