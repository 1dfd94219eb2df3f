# a client that sends a whole request and never reads the answer does not
# keep its handler: the update is made, the answer (20 lines) is left in
# the socket buffers and the handler ends at once while the client still
# holds the connection.  When the answer cannot be written at all (fd 1 a
# full pipe), the handler gives up TIMEOUT (3 s) later and logs it.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-hostile.sh" || exit 1

for i in $(seq 20); do echo "+h$i.example.com:192.0.2.$i"; done | mkroot
adduser alice alice-pw
startserver TIMEOUT=3
AUTH=$(b64 alice:alice-pw)
HOSTS=$(for i in $(seq 20); do printf 'h%s.example.com,' $i; done)
HOSTS=${HOSTS%,}
request() {
  printf 'GET /nic/update?hostname=%s&myip=%s HTTP/1.0\r\nAuthorization: Basic %s\r\nUser-Agent: t-hostile\r\n\r\n' "$HOSTS" "$1" "$AUTH"
}

echo '--- never reads, smallest receive buffer, holds the connection 20 s'
request 198.51.100.7 | hclient rcvbuf=1 noread hold=20 > noread.out &
client=$!
p=$(handler_wait noread.out)
[ -n "$p" ] || die "no tcpserver line for the client"
if waitend "$p" 15; then
  echo 'handler ended within 15 s'
  kill -0 $client 2>/dev/null && echo 'while the client still held the connection'
else
  echo 'handler still running after 15 s'
fi
settle
grep -q 'answer not delivered' log && echo 'answer not delivered' || echo 'answer left in the socket buffers'
grep -c '=good:198\.51\.100\.7' log | sed 's/$/ log line with the update/'
grep -o '=good:198\.51\.100\.7' log | wc -l | sed 's/$/ hosts good/'
grep -c ':198\.51\.100\.7$' root/data.dyn | sed 's/$/ lines updated/'
echo '--- the server still answers'
req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.7' -u alice:alice-pw
kill $client 2>/dev/null
wait $client 2>/dev/null

echo '--- fd 1 a full pipe nobody reads (the handler run by hand)'
mkfifo fifo
exec 7<>fifo
perl -e 'use Fcntl;
  my $f = fcntl(STDOUT, F_GETFL, 0);
  fcntl(STDOUT, F_SETFL, $f | O_NONBLOCK) or die;
  my $n = 0;
  while (1) { my $w = syswrite(STDOUT, "x" x 4096); last unless $w; $n += $w }
  fcntl(STDOUT, F_SETFL, $f) or die;
  print STDERR "pipe full after $n bytes\n"' >&7
request 198.51.100.8 > req.txt
t0=$(now_ms)
timeout 20 env -i PATH="$PATH" ROOT="$PWD/root" PASSWD="$PWD/passwd" \
  TCPREMOTEIP=127.0.0.1 TIMEOUT=3 ALLOWROOT=1 "$PROG" < req.txt >&7 2> handler.log
rc=$?
within $(( $(now_ms) - t0 )) 15 2 | sed 's/^closed/exited/'
echo "exit $rc"
exec 7>&-
grep -o '(answer not delivered: [^)]*)' handler.log
grep -c '^tinydnsdyn: ' handler.log | sed 's/$/ log line/'
grep -c ':198\.51\.100\.8$' root/data.dyn | sed 's/$/ lines updated/'
