# the Quick start's demo (make demo runs demo.sh) as a fresh root runs
# it: the tree in a directory only root may enter (a clone in /root,
# mode 0700 on Debian), the handler run as nobody. The curl and dig
# lines it prints are run as printed (its port and tinydns address
# moved off the usual ones by DEMO_PORT and DEMO_DNSIP, which the
# printed lines then name); Ctrl-C (SIGINT to its process group) stops
# it, and nothing it started is left running.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-ops.sh" || exit 1

mkdir -m 700 private
cp "$TOP/demo.sh" "$TOP/data.Makefile" "$TOP/tinydnsdyn" private/
port=$(freeport)
dnsip=$(randip)
# where the demo lives (/tmp/tinydnsdyn-demo by default): anyone may
# enter it, as /tmp; this test's own directory is root's only
pub=$(mktemp -d /tmp/tinydnsdyn-t-demo.XXXXXX) || exit 111
chmod 755 "$pub"
demopid=
# whatever happens, nothing of the demo's session outlives the test
trap '[ -n "$demopid" ] && pkill -KILL -s "$demopid"; lib_cleanup; rm -rf "$pub"' EXIT
# as from a terminal: a background job of a script ignores SIGINT,
# and what it execs would too
setsid perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' env DEMO_DIR="$pub/demo" DEMO_PORT="$port" DEMO_DNSIP="$dnsip" \
  sh private/demo.sh > demo.out 2>&1 < /dev/null &
demopid=$!
LIB_PIDS+=("$demopid")
svcup 300 || { echo "the demo did not answer within 30 s"; cat demo.out >&2; exit 1; }
served() { dig +time=1 +tries=1 +short "@$dnsip" home.demo.example | grep -q .; }
waitfor served

# the lines it printed, run as printed
curlline=$(grep '^  curl ' demo.out | sed 's/^  //')
digline=$(grep '^  dig ' demo.out | sed 's/^  //')
echo "printed: $(echo "$curlline" | sed "s/$port/PORT/")"
echo "printed: $(echo "$digline" | sed "s/$dnsip/DNSIP/")"
eval "$curlline" | tr -d '\r'
echo
eval "$digline"
eval "$curlline" | tr -d '\r'
echo
eval "$(echo "$curlline" | sed 's/demo:demo/demo:wrong/')" | tr -d '\r'
echo
echo "log: $(grep -c 'tinydnsdyn: 127.0.0.1 demo 200 home.demo.example=good' demo.out) good, $(grep -c 'access denied' demo.out) access denied"

# Ctrl-C
echo "running: $(pgrep -l -s "$demopid" | awk '{print $2}' | grep -x -e tcpserver -e tinydns | sort -u | paste -sd' ')"
kill -INT -- "-$demopid"
gone() { ! kill -0 "$demopid" 2>/dev/null && ! pgrep -s "$demopid" > /dev/null; }
waitfor gone && echo "Ctrl-C: nothing left running"
svcup 1 && echo "still answering on the demo port"
dig +time=1 +tries=1 +short "@$dnsip" home.demo.example > /dev/null 2>&1 && echo "tinydns still answers"
lib_forget "$demopid"
exit 0
