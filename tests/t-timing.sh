# an unknown user costs what a known one with a wrong password costs: the
# handler's instruction counts (callgrind: deterministic, unlike time)
# for the two requests differ by less than 2 %; also with the user and
# password in the query instead of Basic auth
. "$TESTS/lib.sh" || exit 1

command -v valgrind > /dev/null || die "valgrind not installed (deps.sh)"
mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
adduser zed zed-pw
adduser alice alice-pw
adduserh bcrypt bob bob-pw
adduser carol carol-pw h1.example.com

# cost USER PASS: instructions the handler spends on one request with
# these credentials; its answer's status line and log line on stderr
cost() {
  printf 'GET /nic/update?hostname=h1.example.com&myip=192.0.2.10 HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t-timing\r\n\r\n' \
    "$(b64 "$1:$2")" > req.$1
  env -i PATH="$PATH" ROOT="$PWD/root" PASSWD="$PWD/passwd" TCPREMOTEIP=127.0.0.1 ALLOWROOT=1 AUTHDELAYMAX=0 \
    valgrind -q --tool=callgrind --callgrind-out-file=cg.$1 "$PROG" \
    < req.$1 > out.$1 2> err.$1
  echo "$1: $(head -1 out.$1 | tr -d '\r'), $(grep -c '^tinydnsdyn: 127.0.0.1 '"$1"' 401 badauth$' err.$1) log line" >&2
  sed -n 's/^summary: //p' cg.$1
}

# costq USER PASS: the same, with username= and password= in the query
costq() {
  printf 'GET /nic/update?hostname=h1.example.com&myip=192.0.2.10&username=%s&password=%s HTTP/1.0\r\nUser-Agent: t-timing\r\n\r\n' \
    "$1" "$2" > req.q.$1
  env -i PATH="$PATH" ROOT="$PWD/root" PASSWD="$PWD/passwd" TCPREMOTEIP=127.0.0.1 ALLOWROOT=1 AUTHDELAYMAX=0 \
    valgrind -q --tool=callgrind --callgrind-out-file=cg.q.$1 "$PROG" \
    < req.q.$1 > out.q.$1 2> err.q.$1
  echo "$1 (query): $(head -1 out.q.$1 | tr -d '\r'), $(grep -c '^tinydnsdyn: 127.0.0.1 '"$1"' 401 badauth$' err.q.$1) log line" >&2
  sed -n 's/^summary: //p' cg.q.$1
}

# compare A B: "same cost" if within 2 %
compare() {
  if [ -z "$1" ] || [ -z "$2" ] || [ "$1" -lt 1000000 ]; then
    echo "no cost measured: '$1' '$2'"
  elif [ $(( ($1 > $2 ? $1 - $2 : $2 - $1) * 100 )) -le $(( $1 * 2 )) ]; then
    echo 'same cost'
  else
    echo "DIFFERENT cost: $1 vs $2"
  fi
  echo "cost: $1 vs $2" >&2
}

a=$(cost alice wrong-pw)
b=$(cost alicf wrong-pw)
echo '--- known yescrypt user, wrong password / unknown user'
compare "$a" "$b"
head -1 out.alice | tr -d '\r'
head -1 out.alicf | tr -d '\r'
snap
c=$(cost carol wrong-pw-that-is-longer)
d=$(cost nobody-with-a-much-longer-name wrong-pw-that-is-longer)
echo '--- the last user in the file / an unknown long name'
compare "$c" "$d"
same
head -1 out.carol | tr -d '\r'
head -1 out.nobody-with-a-much-longer-name | tr -d '\r'
e=$(costq alice wrong-pw)
f=$(costq alicf wrong-pw)
echo '--- the same in the query: known user, wrong password / unknown user / Basic'
compare "$e" "$f"
compare "$e" "$a"
same
head -1 out.q.alice | tr -d '\r'
head -1 out.q.alicf | tr -d '\r'
