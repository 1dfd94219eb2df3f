# tests/lib-fault.sh: helpers for the t-fault tests (issue #12: every
# promise holds under faults); source after lib.sh.
#
# Each fault test checks the same four promises: every client gets an
# answer within TIMEOUT (plus a margin: the machine may be slow); the
# data file is byte for byte the old or the new one; nothing is written
# outside ROOT; and the service recovers by itself (a later request
# succeeds and tinydns serves it).

# onehost: the fault tests' usual ROOT: one host, h1.example.com at
# 192.0.2.1 (TTL 300), and its user alice (password alice-pw)
onehost() {
  mkroot <<'EOF2'
+h1.example.com:192.0.2.1:300
EOF2
  adduser alice alice-pw
}

# ms: a clock in milliseconds
ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

# treq LIMIT PATH [curl args]: like req1 (one line: status and body),
# then "in time" if the answer came within LIMIT seconds, else "LATE"
# (the seconds go to stderr); curl itself gives up at LIMIT + 20 s
treq() {
  local limit=$1 t0 t1 out
  shift
  t0=$(ms)
  out=$(req "$@" -m $((limit + 20)) | paste -sd' ')
  t1=$(ms)
  echo "$out"
  echo "answered in $((t1 - t0)) ms (limit $limit s)" >&2
  if [ $((t1 - t0)) -le $((limit * 1000)) ]; then echo "in time"; else echo "LATE: $((t1 - t0)) ms"; fi
}

# keepold [FILE]: remember root/data.dyn (or root/FILE) as the old file
keepold() {
  cp "root/${1:-data.dyn}" ".old.${1:-data.dyn}"
}

# oldornew NEWFILE [FILE]: is root/data.dyn byte for byte the file
# kept by keepold, or NEWFILE?
oldornew() {
  local f=root/${2:-data.dyn}
  if cmp -s "$f" ".old.${2:-data.dyn}"; then echo "data.dyn is the old file"
  elif cmp -s "$f" "$1"; then echo "data.dyn is the new file"
  else echo "data.dyn is NEITHER the old nor the new file"; diff ".old.${2:-data.dyn}" "$f" >&2
  fi
}

# either NEWFILE [FILE]: like oldornew, where either is fine: says
# which on stderr only
either() {
  local w
  w=$(oldornew "$@")
  echo "$w" >&2
  case $w in
    *NEITHER*) echo "$w" ;;
    *) echo "data.dyn is the old or the new file" ;;
  esac
}

# withip IP HOST [FILE]: the kept old file with HOST's + lines at IP
withip() {
  sed "s/^+$2:[^:]*:/+$2:$1:/" ".old.${3:-data.dyn}"
}

# marker: from now on, outside reports what appears outside ROOT
marker() {
  : > .marker
  sleep 1 # mtimes have a coarse clock on some file systems
}

# outside: files in the test directory, outside root/, changed or made
# since marker, that are not the test's own (log, port, curl's files,
# the test's notes, all beginning with a dot or listed here)
outside() {
  local f bad=
  while IFS= read -r f; do
    f=${f#./}
    case $f in
      root|root/*|.*|log|port|passwd|tinydns.log|out|out/*) continue ;;
    esac
    bad+=" $f"
  done < <(find . -newer .marker)
  if [ -z "$bad" ]; then echo "nothing written outside ROOT"
  else echo "WRITTEN OUTSIDE ROOT:$bad"
  fi
}

# recovers HOST IP [curl args]: the service works again: an update of
# HOST to IP is answered good (or nochg) and tinydns serves it
recovers() {
  local host=$1 ip=$2 out
  shift 2
  out=$(req1 "/nic/update?hostname=$host&myip=$ip" -u alice:alice-pw -m 60 "$@")
  case $out in
    "HTTP 200 good $ip"|"HTTP 200 nochg $ip") echo "recovered: update answered" ;;
    *) echo "NOT RECOVERED: $out" ;;
  esac
  dig_a "$host"
}

# inroot [NAME]: how many processes (named NAME) run in root/ now:
# handlers, makes and what they run (other tests may run at the same
# time: their processes are in their own directories)
inroot() {
  local p n=0 d=$PWD/root
  for p in $(pgrep ${1:+-x "$1"}); do
    [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" = "$d" ] && n=$((n + 1))
  done
  echo $n
}

# waitnone NAME SECONDS: wait until no process NAME runs in root/;
# prints how it ended
waitnone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    [ "$(inroot "$1")" = 0 ] && { echo "no $1 left in root"; return 0; }
    sleep 0.1
  done
  echo "$(inroot "$1") $1 STILL RUNNING in root after $2 s"
}

# mountroot SIZE: root/ becomes a tmpfs of SIZE (mount(8) syntax), so
# that a test can fill it or make it read-only; unmounted on exit, after
# every process the test started (tinydns keeps it as its root) is gone
MOUNTS=()
mountroot() {
  mkdir -p root || die "mkdir root"
  mount -t tmpfs -o size="$1",mode=0755 tmpfs root || die "cannot mount a tmpfs (not root?)"
  MOUNTS+=("$PWD/root")
}
fault_cleanup() {
  local m
  lib_cleanup
  for m in "${MOUNTS[@]}"; do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
  MOUNTS=()
}
trap fault_cleanup EXIT

# fill: fill root/ up (root/filler), so that not one more block fits
fill() {
  dd if=/dev/zero of=root/filler bs=4096 status=none 2>/dev/null
  echo "root full: $(df --output=avail -B1 root | tail -1 | tr -d ' ') bytes free"
}

# mkoutside: outside/, a directory beside root/ that symlinks planted in
# root point into, with one file in it; outsidesame says whether any of
# it changed or anything appeared there
mkoutside() {
  mkdir -p outside/d
  echo victim > outside/victim
  outsidelist > .outside.before
}
outsidelist() {
  (cd outside && find . -printf '%p %y %s %T@\n' | sort && find . -type f -exec sha256sum {} + | sort)
}
outsidesame() {
  if outsidelist | cmp -s - .outside.before; then echo "outside/ untouched"
  else echo "OUTSIDE/ CHANGED:"; outsidelist | diff .outside.before - | sed -n 's/^> /  /p'
  fi
}

# okor911 LINE: a request's one-line answer where 911 and working
# (good, nochg, or badauth for a wrong password) are both right, as
# where a planted file may be refused or worked around; the one seen
# goes to stderr
okor911() {
  echo "$1" >&2
  case $1 in
    'HTTP 200 911'|'HTTP 200 good '*|'HTTP 200 nochg '*|'HTTP 401 badauth') echo "answered 911 or worked" ;;
    *) echo "answered: $1" ;;
  esac
}

# A waiting change whose handler gave up (911) must never land later
# (t-fault-late, t-fault-clock). lateprog: every handler's first fsync
# takes 7 s (strace; only the handler's, not make's), and a handler
# started while the file "ahead" exists sees the wall clock an hour
# ahead (faketime), the monotonic clock as it is. Sets PROG.
lateprog() {
  local real=$PROG
  cat > slowsync <<EOF2
#!/bin/sh
slow="strace -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=7000000:when=1"
if [ -e "$PWD/ahead" ]; then
  FAKETIME_DONT_FAKE_MONOTONIC=1 exec faketime -f +1h \$slow "$real"
fi
exec \$slow "$real"
EOF2
  chmod 755 slowsync
  PROG=$PWD/slowsync
}

# lateround [ahead]: x and y at 192.0.2.1, user alice. A (its wall
# clock an hour ahead with "ahead") leaves a change to x and gives up
# (911) while the leader L, which changes y, stalls in its fsync; then
# P asks for x's old address. Prints the answers, the data and what
# tinydns-data made of it, the handlers' log lines.
lateround() {
  local a l apid
  rm -rf root
  mkroot <<'EOF2'
+x.example.com:192.0.2.1:300
+y.example.com:192.0.2.1:300
EOF2
  : > log
  startserver TIMEOUT=10
  # a writer holds the data lock: A leaves its change and waits (until
  # about 10 s); A is stopped, so that L, which comes 5 s later, is the
  # one that gets the lock when it is free
  exec 7>> root/data.dyn.lock
  flock 7
  [ -n "${1-}" ] && : > ahead
  lateup x.example.com 198.51.100.96 > a.out 7>&- &
  a=$!
  waitfor lateentries 1
  rm -f ahead
  apid=$(ls root | sed -n 's/^data\.dyn\.req\.\([0-9]*\)\..*/\1/p')
  kill -STOP "$apid"
  sleep 5
  lateup y.example.com 198.51.100.50 > l.out 7>&- &
  l=$!
  waitfor lateentries 2
  exec 7>&-
  # L leads (its own entry goes), takes A's into its batch, and its
  # fsync stalls past A's deadline
  waitfor lateentries 1
  kill -CONT "$apid"
  wait "$a"
  echo "A, x -> 198.51.100.96: $(cat a.out)"
  echo "P, x -> 192.0.2.1:     $(lateup x.example.com 192.0.2.1)"
  wait "$l"
  echo "L, y -> 198.51.100.50: $(cat l.out)"
  settle
  echo '--- afterwards'
  grep '^+' root/data.dyn
  lookup x.example.com a
  lookup y.example.com a
  grep -o 'tinydnsdyn: .*' log
  notemp
  stopserver
}
lateentries() { test "$(ls root | grep -c '^data\.dyn\.req\.')" = "$1"; }
lateup() { req1 "/nic/update?hostname=$1&myip=$2" -u alice:alice-pw; }
