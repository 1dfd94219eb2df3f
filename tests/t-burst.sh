# 200 clients at once, each changing its own host and the one host they
# share: every change ends in data.dyn and in the data.cdb tinydns
# serves; each client, the moment it hears good, finds its address
# already in data.cdb; nothing is lost, mixed or left behind.
. "$TESTS/lib.sh" || exit 1

n=${N:-200}
{
  for ((i = 1; i <= n; i++)); do printf '+h%03d.example.com:192.0.2.1:300\n' $i; done
  echo '+same.example.com:192.0.2.1:300'
  echo '# end'
} | mkroot
countmakefile
adduser alice alice-pw
startserver

mkdir out
pids=()
for ((i = 1; i <= n; i++)); do
  (
    h=$(printf 'h%03d.example.com' $i)
    ip=198.51.100.$i
    body=$(curl -sS -m 120 -u alice:alice-pw \
      "http://127.0.0.1:$PORT/nic/update?hostname=$h,same.example.com&myip=$ip" 2>&1)
    # what tinydns would answer right now, before anyone else's make
    served=$(cd root && tinydns-get a $h | sed -n 's/^answer: [^ ]* [0-9]* A //p')
    printf '%s|%s\n' "$(echo $body)" "$served" > out/$i
  ) &
  pids+=($!)
done
wait "${pids[@]}"

bad=0
for ((i = 1; i <= n; i++)); do
  want="good 198.51.100.$i good 198.51.100.$i|198.51.100.$i"
  got=$(cat out/$i)
  # the shared host may already have had this client's address: nochg
  alt="good 198.51.100.$i nochg 198.51.100.$i|198.51.100.$i"
  if [ "$got" != "$want" ] && [ "$got" != "$alt" ]; then
    echo "client $i: $got"
    bad=$((bad + 1))
  fi
done
echo "clients with a wrong answer or an unpublished address: $bad"

stopserver
bad=0
for ((i = 1; i <= n; i++)); do
  h=$(printf 'h%03d.example.com' $i)
  grep -qx "+$h:198.51.100.$i:300" root/data.dyn || { echo "data.dyn lost $h"; bad=$((bad + 1)); }
  [ "$(lookup $h a)" = "$h 300 A 198.51.100.$i" ] || { echo "data.cdb lost $h: $(lookup $h a)"; bad=$((bad + 1)); }
done
echo "hosts lost: $bad"
echo "data.dyn lines: $(wc -l < root/data.dyn)"
tail -1 root/data.dyn
same=$(grep '^+same.example.com:' root/data.dyn)
case $same in
  +same.example.com:198.51.100.*:300) echo "same.example.com has one client's address" ;;
  *) echo "same.example.com broken: $same" ;;
esac
# and it is what tinydns serves
sip=${same#+same.example.com:}; sip=${sip%:300}
[ "$(lookup same.example.com a)" = "same.example.com 300 A $sip" ] && echo "same.example.com served as written"
notemp made
echo "make ran $(wc -l < root/made) times for $n updates" >&2
