# tests/lib-hostile.sh: a misbehaving client for the t-hostile tests;
# source after lib.sh.  Perl (core modules only) because the CI machine
# has no python.

# now_ms: monotonic-enough wall clock in milliseconds
now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

# hclient [WORD...] < REQUEST: connect to 127.0.0.1:$PORT, send the
# request as WORDs say, and print what happened, one fact a line:
#   port N          our local port (find the handler in tcpserver's log)
#   answer LINE     the answer's status line (CR dropped), or "no answer"
#   closed MS       the server closed MS milliseconds after we connected
#   open            not closed when we gave up (hold=)
# WORDs:
#   rcvbuf=N        SO_RCVBUF before connecting
#   cut=N           send only the first N bytes of the request
#   slow=S          one byte every S seconds instead of all at once
#   forever         with slow=: after the request go on sending 'x'
#   shutwr          shutdown(SHUT_WR) once everything is sent
#   noread          never read; just keep the connection for hold= s
#   hold=S          give up after S seconds from connecting (default 20)
hclient() {
  perl -e '
use strict;
use warnings;
use Socket;
use Time::HiRes qw(time sleep);
$SIG{PIPE} = "IGNORE";
$| = 1;
my ($port, @words) = @ARGV;
my %o = map { /^(\w+)(?:=(.*))?$/ ? ($1, defined $2 ? $2 : 1) : () } @words;
my $hold = defined $o{hold} ? $o{hold} : 20;
my $req = do { local $/; <STDIN> };
$req = "" unless defined $req;
$req = substr($req, 0, $o{cut}) if defined $o{cut};

socket(my $s, PF_INET, SOCK_STREAM, 0) or die "socket: $!\n";
setsockopt($s, SOL_SOCKET, SO_RCVBUF, pack("i", $o{rcvbuf})) or die "rcvbuf: $!\n"
  if $o{rcvbuf};
connect($s, sockaddr_in($port, inet_aton("127.0.0.1"))) or die "connect: $!\n";
my $t0 = time;
my ($lport) = sockaddr_in(getsockname($s));
print "port $lport\n";

my $got = "";
my $closed;
# wait up to $w seconds for the server; 0 once it has closed
sub readsome {
  my $w = shift;
  $w = 0 if $w < 0;
  if ($o{noread}) { sleep $w; return 1; }
  my $rin = "";
  vec($rin, fileno($s), 1) = 1;
  return 1 unless select(my $rout = $rin, undef, undef, $w) > 0;
  my $n = sysread($s, my $buf, 65536);
  if (!$n) { $closed = time; return 0; }
  $got .= $buf;
  return 1;
}

if ($o{slow}) {
  my $i = 0;
  while (!$closed && time - $t0 < $hold) {
    my $b;
    if ($i < length $req) { $b = substr($req, $i++, 1); }
    elsif ($o{forever}) { $b = "x"; }
    else { last; }
    last unless syswrite($s, $b);
    my $until = time + $o{slow};
    while (!$closed && time < $until) { readsome($until - time); }
  }
}
else {
  my $off = 0;
  while ($off < length $req) {
    my $n = syswrite($s, $req, length($req) - $off, $off);
    last unless $n;
    $off += $n;
  }
}
shutdown($s, 1) if $o{shutwr};
while (!$closed && time - $t0 < $hold) { readsome($t0 + $hold - time); }

if ($got =~ /^([^\r\n]*)/ && length $got) { print "answer $1\n"; }
else { print "no answer\n"; }
if ($closed) { printf "closed %d\n", ($closed - $t0) * 1000; }
else { print "open\n"; }
' "$PORT" "$@"
}

# within MS CAP_S [MIN_S]: turn "closed MS" into a statement that does not
# depend on the machine's speed
within() {
  if [ -z "$1" ]; then
    echo "not closed"
  elif [ "$1" -gt $(( $2 * 1000 )) ]; then
    echo "closed only after $1 ms (cap $2 s)"
  elif [ -n "${3-}" ] && [ "$1" -lt $(( $3 * 1000 )) ]; then
    echo "closed already after $1 ms (before $3 s)"
  else
    echo "closed within $2 s${3:+, not before $3 s}"
  fi
  echo "closed after ${1:-?} ms" >&2
}

# handler_of LPORT: tcpserver's pid for the connection from our port LPORT
handler_of() {
  sed -n "s/^tcpserver: ok \([0-9]*\) .*::$1\$/\1/p" log | head -1
}

# handler_wait OUTFILE: the handler for the hclient whose output goes to
# OUTFILE, waiting up to 10 s for the client to connect and for tcpserver
# to log the connection
handler_wait() {
  local i lport= p=
  for ((i = 0; i < 100; i++)); do
    [ -n "$lport" ] || lport=$(sed -n 's/^port //p' "$1")
    [ -n "$lport" ] && p=$(handler_of "$lport")
    [ -n "$p" ] && { echo "$p"; return 0; }
    sleep 0.1
  done
  return 1
}

# waitend PID CAP_S: wait until tcpserver logs the end of handler PID
waitend() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    grep -q "^tcpserver: end $1 " log && return 0
    sleep 0.1
  done
  return 1
}
