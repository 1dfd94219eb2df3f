# few descriptors: under softlimit -o N, for every N from 3 to 16, a
# change is answered good (and published), or 911 or dnserr with the
# reason in the log, or the connection is closed (at 3 the loader cannot
# open libcrypt); never anything else. data.dyn is then the old or the
# new file, no temporary file is left, no make hangs, and the same
# update without the limit is answered and served: nothing is lost.
# With enough descriptors (64) it is good at once.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

onehost
starttinydns
REAL=$PROG

limited() { # limited N: PROG runs the handler with at most N descriptors
  printf '#!/bin/sh\nexec softlimit -o %s %s\n' "$1" "$REAL" > .limited
  chmod 755 .limited
  PROG=$PWD/.limited
}

kinds=
bad=0
for n in 3 4 5 6 7 8 9 10 11 12 13 14 15 16 64; do
  ip=198.51.100.$n
  keepold
  withip "$ip" h1.example.com > .new
  limited "$n"
  : > log
  startserver
  out=$(req "/nic/update?hostname=h1.example.com&myip=$ip" -u alice:alice-pw -m 30 | paste -sd' ')
  stopserver
  state=$(oldornew .new)
  case $out in
    "HTTP 200 good $ip") kind=good
      [ "$state" = "data.dyn is the new file" ] || { echo "$n: good, but $state"; bad=$((bad + 1)); }
      [ "$(dig_a h1.example.com)" = "$ip" ] || { echo "$n: good, not served"; bad=$((bad + 1)); } ;;
    "HTTP 200 911"|"HTTP 200 dnserr") kind=${out#HTTP 200 }
      grep -q '^tinydnsdyn: \(fatal: [^;]*: [a-z]\|.*=dnserr; make failed: \)' log ||
        { echo "$n: $kind without a reason in the log"; cat log; bad=$((bad + 1)); } ;;
    "curl error 52 HTTP none"*|"curl error 56 HTTP none"*) kind=closed
      [ "$n" -le 3 ] || { echo "$n: closed"; bad=$((bad + 1)); } ;;
    *) echo "$n: unexpected answer: $out"; bad=$((bad + 1)); kind=other ;;
  esac
  case $state in *NEITHER*) echo "$n: $state"; bad=$((bad + 1)) ;; esac
  # data.new is the Makefile's, left by a make that failed
  [ "$(notemp data.new)" = "no temp files" ] || { echo "$n: $(notemp data.new)"; bad=$((bad + 1)); }
  [ "$(waitnone make 30)" = "no make left in root" ] || { echo "$n: a make hangs"; bad=$((bad + 1)); }
  case " $kinds " in *" $kind "*) ;; *) kinds="$kinds $kind" ;; esac
  # nothing lost: the client asks again, without the limit
  PROG=$REAL
  startserver
  r=$(recovers h1.example.com "$ip" | paste -sd' ')
  [ "$r" = "recovered: update answered $ip" ] || { echo "$n: $r"; bad=$((bad + 1)); }
  stopserver
  [ "$n" = 64 ] && echo "64 descriptors: $kind"
done
echo "answers seen:$kinds" >&2
echo "faults: $bad"
