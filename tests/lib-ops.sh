# tests/lib-ops.sh: helpers for the operator tools' tests (install,
# tinydnsdyn-conf, tinydnsdyn-passwd); source after lib.sh.

# maskhash: hide the salt and hash of yescrypt entries, which differ on
# every run, but keep their shape visible
maskhash() {
  sed 's/\$y\$j9T\$[./0-9A-Za-z]\{22\}\$[./0-9A-Za-z]\{43\}/YESCRYPT/g'
}

# ensureusers: the service accounts of a real install, made here as the
# README says to make them (system users without home or shell); left in
# place afterwards, like any other package's accounts
ensureusers() {
  local u
  for u in tinydnsdyn tinydnsdynlog; do
    id -u "$u" >/dev/null 2>&1 && continue
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$u" ||
      die "useradd $u failed"
  done
}

# buildhome: copy the source tree to ./src, set conf-home to ./home, and
# run "make setup check" there (a clean build, installed into a prefix
# of our own); output in build.log
buildhome() {
  local f
  mkdir src || die "mkdir src"
  for f in "$TOP"/*; do
    [ -f "$f" ] && cp -p "$f" src/
  done
  echo "$PWD/home" > src/conf-home
  (cd src && make clean && make setup check) > build.log 2>&1 ||
    die "make setup check failed: $(tail -5 build.log)"
}

# freeport: a TCP port on 127.0.0.1 that was free a moment ago (the
# kernel picks it for tcpserver -1, which is then stopped)
freeport() {
  local pid p
  rm -f .freeport
  tcpserver -1 127.0.0.1 0 true > .freeport 2>/dev/null &
  pid=$!
  p=$(waitport "$pid" .freeport /dev/null) || exit 1
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "$p"
}

# ttyrun OUT CMD ANSWER...: runs the shell command CMD on a pseudo
# terminal (script(1)); each time a new prompt ending in ": " appears,
# types the next ANSWER and Return. Everything the terminal showed goes to
# OUT (CR removed). Sets TTYRC to the command's exit status.
ttyrun() {
  local out=$1 cmd=$2 pid n=0 i a
  shift 2
  rm -f .tty.in .tty.raw
  mkfifo .tty.in || die "mkfifo"
  script -qfec "$cmd" /dev/null < .tty.in > .tty.raw 2>&1 &
  pid=$!
  exec 7> .tty.in
  for a in "$@"; do
    n=$((n + 1))
    for ((i = 0; i < 100; i++)); do
      [ "$(grep -o ': ' .tty.raw 2>/dev/null | wc -l)" -ge "$n" ] && break
      sleep 0.1
    done
    printf '%s\n' "$a" >&7
  done
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  exec 7>&-
  wait "$pid"
  TTYRC=$?
  tr -d '\r' < .tty.raw > "$out"
}

# errnorm: the system's error text at the end of a message in lower case
# ("No such file or directory" and the library's "no such file or
# directory" read the same)
errnorm() {
  sed 's/\(fatal\|warning\): \(.*\): \([A-Z]\)\([a-z ]*\)$/\1: \2: \L\3\4/'
}
