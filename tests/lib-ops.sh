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
    adduser --system --group --no-create-home --home /nonexistent "$u" > /dev/null 2>&1 ||
      die "adduser $u failed"
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

# svcdir NAME: the service's accounts (ensureusers) and a directory of
# their own under /tmp, which they can reach (the test's own directory
# may sit in one only root can enter): SVCTOP, made the current
# directory, with the build installed in ./home (buildhome) and a free
# port in $port. The caller's EXIT trap removes SVCTOP.
svcdir() {
  ensureusers
  SVCTOP=$(mktemp -d "/tmp/tinydnsdyn-$1.XXXXXX") || die "mktemp"
  chmod 755 "$SVCTOP"
  cd "$SVCTOP" || die "cd $SVCTOP"
  buildhome
  port=$(freeport)
}

# svcup N [HOST]: waits up to N tenths of a second for the service on
# HOST (127.0.0.1) and $port to answer, with a 401 to a request without
# a password; 0 once it has, 1 if it never did
svcup() {
  local n=$1 host=${2-127.0.0.1} i code
  for ((i = 0; i < n; i++)); do
    code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://$host:$port/nic/update")
    [ "$code" = 401 ] && return 0
    sleep 0.1
  done
  return 1
}

# pidsgone N PID...: waits up to N tenths of a second for every PID to
# end; 0 once they have, 1 if one still runs
pidsgone() {
  local n=$1 i
  shift
  for ((i = 0; i < n; i++)); do
    kill -0 "$@" 2>/dev/null || return 0
    sleep 0.1
  done
  ! kill -0 "$@" 2>/dev/null
}

# reappids PID...: for a cleanup, after the supervisors were told to
# stop: waits up to 10 s for them to end, then sends TERM to those left
# and to their children
reappids() {
  local p
  pidsgone 100 "$@" && return 0
  for p in "$@"; do
    pkill -TERM -P "$p" 2>/dev/null
    kill -TERM "$p" 2>/dev/null
  done
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

# sandbox: runs the rest of the test again, in private mount and
# network namespaces that stand for a Debian system of its own: /etc,
# /var, /usr/local, /usr/sbin and /lib/systemd/system are overlays whose
# writes land in a tmpfs that ends with the test, /run is an empty
# tmpfs, and the only network is lo (so a port that listens there is
# the test's). Packages, accounts, services and files the test makes
# never reach the machine. Call first thing.
sandbox() {
  local d n=0
  if [ -z "${SANDBOXED-}" ]; then
    SANDBOXED=1 exec unshare -m -n bash "$0" "$@"
  fi
  mount --make-rprivate / ||
    die "sandbox: mount --make-rprivate / failed (in a plain chroot, bind-mount it onto itself first)"
  mkdir -p .sandbox && mount -t tmpfs tmpfs .sandbox || die "sandbox: no tmpfs"
  for d in /etc /var /usr/local /usr/sbin /lib/systemd/system; do
    n=$((n + 1))
    mkdir ".sandbox/u$n" ".sandbox/w$n"
    mount -t overlay overlay \
      -o "lowerdir=$d,upperdir=$PWD/.sandbox/u$n,workdir=$PWD/.sandbox/w$n" "$d" ||
      die "sandbox: cannot lay an overlay on $d"
  done
  mount -t tmpfs tmpfs /run && mkdir /run/lock || die "sandbox: no tmpfs on /run"
  ip link set lo up || die "sandbox: cannot bring lo up"
}

# asaccount NAME: the handler runs as the service account (ensureusers)
# in a directory of its own under /tmp that the account can reach (the
# test's own may sit in one only root enters), with a copy of the
# handler there; made the current directory, removed on exit. Once root
# and passwd are made: accountfiles.
asaccount() {
  ensureusers
  ACCTTOP=$(mktemp -d "/tmp/tinydnsdyn-$1.XXXXXX") || die "mktemp"
  chmod 755 "$ACCTTOP"
  trap 'lib_cleanup; rm -rf "$ACCTTOP"' EXIT
  cp "$PROG" "$ACCTTOP/tinydnsdyn" || die "cp $PROG"
  PROG=$ACCTTOP/tinydnsdyn
  cd "$ACCTTOP" || die "cd $ACCTTOP"
}

# accountfiles: root/ and passwd the account's, and tcpserver to run the
# handler as it
accountfiles() {
  chown -R tinydnsdyn: root passwd || die "chown"
  TCPOPTS=(-u "$(id -u tinydnsdyn)" -g "$(id -g tinydnsdyn)")
}
