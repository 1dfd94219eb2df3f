# data.dyn is replaced by rename: a reader never sees a partial file, and
# the inode changes with every update
. "$TESTS/lib.sh" || exit 1

{
  for i in $(seq 1 3000); do echo "+n$i.example.com:192.0.2.1:300"; done
  echo '+h1.example.com:192.0.2.1:300'
  echo '# last line'
} | mkroot
adduser alice alice-pw
startserver

# reader: every snapshot must have all 3002 lines and the last line
( bad=0 n=0
  while [ ! -e stop ]; do
    out=$(cat root/data.dyn)
    n=$((n + 1))
    case $out in
      *'
# last line') [ "$(printf '%s\n' "$out" | wc -l)" -eq 3002 ] || bad=$((bad + 1)) ;;
      *) bad=$((bad + 1)) ;;
    esac
  done
  echo "$bad $n" > reader.out ) &
reader=$!

# each update makes a new file (its temporary file exists beside the old
# one, so it cannot have the old one's inode; after several updates the
# file system may hand an old number out again, so compare each step)
sameino=0
for i in $(seq 1 12); do
  ino0=$(stat -c %i root/data.dyn)
  req "/nic/update?hostname=h1.example.com,n$((i * 100)).example.com&myip=198.51.100.$i" -u alice:alice-pw |
    paste -sd' '
  [ "$(stat -c %i root/data.dyn)" = "$ino0" ] && sameino=$((sameino + 1))
done
touch stop
wait $reader
read -r bad n < reader.out
echo "reader saw $bad partial files"
echo "reader read $n snapshots" >&2
[ $sameino = 0 ] && echo 'data.dyn has a new inode' || echo "data.dyn kept its inode in $sameino updates"
grep -c . root/data.dyn
grep -c ':198\.51\.100\.' root/data.dyn
grep '^+h1\.' root/data.dyn
tail -1 root/data.dyn
lookup n1200.example.com a
notemp
