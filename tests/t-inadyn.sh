# inadyn 2.10 (custom provider, one HTTP/1.0 request per host) works
# unchanged against the server
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
EOF
adduser alice alice-pw
startserver

ina() {  # ina PASSWORD IP
  cat > inadyn.conf <<EOF
custom test {
  ssl = false
  username = alice
  password = $1
  checkip-command = "echo $2"
  ddns-server = 127.0.0.1:$PORT
  ddns-path = "/nic/update?hostname=%h&myip=%i"
  ddns-response = { "good", "nochg" }
  hostname = { "h1.example.com", "h2.example.com" }
}
EOF
  rm -rf cache
  mkdir cache
  localnet timeout 60 inadyn -1 --force --foreground --no-pidfile -f inadyn.conf \
    --cache-dir="$PWD/cache" > ina.out 2>&1
  echo "inadyn exit $?"
  cat ina.out >&2
}

echo '--- update'
ina alice-pw 198.51.100.20
showdyn
echo '--- same address'
ina alice-pw 198.51.100.20
showdyn
echo '--- wrong password'
ina wrong 198.51.100.21
showdyn
