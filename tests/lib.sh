# tests/lib.sh: helpers for the tinydnsdyn tests; sourced by tests/t-*.sh.
#
# The runner (tests/run) starts each test with cwd = a fresh temp dir and
# TOP = the repository, TESTS = the tests directory.  Every helper that
# starts a process records it; the EXIT trap kills them all, also when the
# test dies half way.

: "${TOP:?TOP not set: run tests through tests/run}"
: "${TESTS:=$TOP/tests}"

PROG=$TOP/tinydnsdyn
TCPOPTS=()   # more tcpserver options for startserver, e.g. (-x rules.cdb)
LIB_PIDS=()
PORT=
SERVERPID=
DNSIP=
DNSPID=

lib_cleanup() {
  local p kids
  for p in "${LIB_PIDS[@]}"; do
    # the handlers tcpserver forked for us: by parent id, before they
    # are reparented
    kids=$(pgrep -P "$p" 2>/dev/null)
    kill -TERM $p $kids 2>/dev/null
  done
  for p in "${LIB_PIDS[@]}"; do
    wait "$p" 2>/dev/null
  done
  LIB_PIDS=()
}
trap lib_cleanup EXIT
trap 'exit 143' TERM INT HUP

lib_forget() {
  local p keep=()
  for p in "${LIB_PIDS[@]}"; do
    [ "$p" = "$1" ] || keep+=("$p")
  done
  LIB_PIDS=("${keep[@]}")
}

die() {
  echo "lib: $*" >&2
  echo "lib: $*"
  exit 1
}

# ---------------------------------------------------------------- root

# mkroot: root/ with data.static, data.dyn (copied from stdin, e.g. a
# heredoc), the standard Makefile; builds data.cdb once.
mkroot() {
  mkdir -p root || die "mkdir root"
  echo '.example.com:192.0.2.1:a:259200' > root/data.static
  cat > root/data.dyn
  stdmakefile
  (cd root && make -s) >&2 || die "initial make failed"
}

stdmakefile() {
  printf '%s\n' \
    'data.cdb: data' \
    '	/usr/sbin/tinydns-data' \
    'data: data.static data.dyn' \
    '	cat data.static data.dyn > data.new' \
    '	mv data.new data' > root/Makefile
}

# countmakefile: like stdmakefile, but every make run appends a line to
# root/made ("all" is never up to date); see made()
countmakefile() {
  printf '%s\n' \
    'all: data.cdb' \
    '	echo ran >> made' \
    'data.cdb: data' \
    '	/usr/sbin/tinydns-data' \
    'data: data.static data.dyn' \
    '	cat data.static data.dyn > data.new' \
    '	mv data.new data' > root/Makefile
}

# showdyn: print data.dyn exactly; a last line without newline is marked
showdyn() {
  showfile root/${1:-data.dyn}
}

showfile() {
  if [ ! -e "$1" ]; then
    echo "($1 missing)"
    return
  fi
  sed 's/\r/<CR>/g' "$1"
  if [ -s "$1" ] && [ "$(tail -c1 "$1" | od -An -c | tr -d ' ')" != '\n' ]; then
    echo
    echo '\ no newline at end of file'
  fi
}

# ---------------------------------------------------------------- users

salt() {
  local chars='./abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  local s= i
  for ((i = 0; i < $1; i++)); do
    s+=${chars:RANDOM%64:1}
  done
  printf '%s' "$s"
}

# adduserh FAMILY NAME PASS [domains]; FAMILY: yescrypt sha512 sha256
# bcrypt md5
adduserh() {
  local fam=$1 name=$2 pass=$3 doms=${4-} setting hash
  case $fam in
    yescrypt) setting='$y$j9T$'$(salt 16)'$' ;;
    sha512)   setting='$6$'$(salt 16)'$' ;;
    sha256)   setting='$5$'$(salt 16)'$' ;;
    bcrypt)   setting='$2b$05$'$(salt 22) ;;
    md5)      setting='$1$'$(salt 8)'$' ;;
    *) die "adduserh: unknown family $fam" ;;
  esac
  hash=$(perl -e 'print crypt($ARGV[0], $ARGV[1])' "$pass" "$setting")
  case $hash in
    "${setting:0:4}"*) ;;
    *) die "adduserh: crypt failed for $fam: $hash" ;;
  esac
  if [ -n "$doms" ]; then
    printf '%s:%s:%s\n' "$name" "$hash" "$doms" >> passwd
  else
    printf '%s:%s\n' "$name" "$hash" >> passwd
  fi
}

adduser() {
  adduserh yescrypt "$@"
}

b64() {
  printf '%s' "$1" | base64 -w0
}

# ---------------------------------------------------------------- server

# startserver [NAME=VALUE ...] [-u NAME ...]: tcpserver on 127.0.0.1,
# random port, running $TOP/tinydnsdyn; sets PORT.  -u NAME removes NAME
# from the handler's environment (and drops the default ROOT/PASSWD).
startserver() {
  local opts=() assigns=() noroot= nopasswd=
  while [ $# -gt 0 ]; do
    case $1 in
      -u) opts+=(-u "$2")
          [ "$2" = ROOT ] && noroot=1
          [ "$2" = PASSWD ] && nopasswd=1
          shift 2 ;;
      *)  assigns+=("$1"); shift ;;
    esac
  done
  [ -n "$noroot" ] || assigns=("ROOT=$PWD/root" "${assigns[@]}")
  [ -n "$nopasswd" ] || assigns=("PASSWD=$PWD/passwd" "${assigns[@]}")
  # tests run as root, and update hosts faster than any router: the
  # abuse limits and the failed-login delay are off unless a test sets
  # them (t-abuse does)
  assigns=(ALLOWROOT=1 MAXPERHOUR=0 AUTHDELAYMAX=0 "${assigns[@]}")
  [ -x "$PROG" ] || die "no program $PROG"
  [ -n "$SERVERPID" ] && stopserver
  : > port
  tcpserver -1 -vDRHl0 "${TCPOPTS[@]}" 127.0.0.1 0 \
    env "${opts[@]}" "${assigns[@]}" "$PROG" > port 2>> log &
  SERVERPID=$!
  LIB_PIDS+=("$SERVERPID")
  PORT=$(waitport "$SERVERPID" port log) || exit 1
}

# waitport PID FILE LOG: the port a "tcpserver -1" (PID) prints into
# FILE, waiting up to 10 s; dies if tcpserver dies first (LOG says why)
waitport() {
  local i
  for ((i = 0; i < 100; i++)); do
    [ -s "$2" ] && break
    kill -0 "$1" 2>/dev/null || die "tcpserver died: $(tail -3 "$3" 2>/dev/null)"
    sleep 0.1
  done
  [ -s "$2" ] || die "tcpserver did not print a port within 10 s"
  head -1 "$2"
}

# waitfor CMD...: until CMD succeeds, up to 30 s; 1 (and says so) if
# it never does
waitfor() {
  local i
  for ((i = 0; i < 300; i++)); do "$@" && return 0; sleep 0.1; done
  echo "waited 30 s for: $*"
  return 1
}

stopserver() {
  [ -n "$SERVERPID" ] || return 0
  settle
  kill -TERM "$SERVERPID" 2>/dev/null
  wait "$SERVERPID" 2>/dev/null
  lib_forget "$SERVERPID"
  SERVERPID=
}

# settle: wait (up to 30 s) until tcpserver has no handler running
settle() {
  local i last
  for ((i = 0; i < 300; i++)); do
    last=$(grep '^tcpserver: status: ' log 2>/dev/null | tail -1)
    case $last in
      'tcpserver: status: 0/'*) return 0 ;;
    esac
    sleep 0.1
  done
  echo "lib: settle: handlers still running after 30 s" >&2
}

# ---------------------------------------------------------------- requests

# req PATH_OR_URL [curl args]: prints "HTTP <status>", then the body lines
# (CR shown as <CR>); marks a body without final newline; for status 200
# checks Content-Length against the body.
req() {
  local url=$1 rc status clen size f=.req.$BASHPID
  shift
  case $url in
    http://*) ;;
    *) url="http://127.0.0.1:$PORT$url" ;;
  esac
  rm -f $f.hdr $f.body $f.err
  curl -sS -m 20 -D $f.hdr -o $f.body "$@" "$url" 2>$f.err
  rc=$?
  [ $rc -eq 0 ] || { echo "curl error $rc"; cat $f.err >&2; }
  status=$(head -1 $f.hdr 2>/dev/null | tr -d '\r' | awk '{print $2}')
  echo "HTTP ${status:-none}"
  [ -e $f.body ] || : > $f.body
  showfile $f.body
  if [ "$status" = 200 ]; then
    clen=$(tr -d '\r' < $f.hdr | sed -n 's/^[Cc]ontent-[Ll]ength: *//p' | head -1)
    size=$(wc -c < $f.body)
    [ "$clen" = "$size" ] ||
      echo "Content-Length mismatch: header '${clen}', body $size"
  fi
  rm -f $f.hdr $f.body $f.err
}

# rawsend: send stdin to the server byte for byte; the whole answer goes
# to .raw.out. A reader runs from the start so the answer is read even
# while the request is still being written. Returns the reader's exit
# code: 124 if the connection was still open after 20 s.
rawsend() {
  local rpid
  rm -f .raw.out
  exec 3<>"/dev/tcp/127.0.0.1/$PORT" || { echo "connect failed"; return 1; }
  timeout 20 cat <&3 > .raw.out 2>.raw.err &
  rpid=$!
  (cat >&3) 2>/dev/null
  wait "$rpid"
  local rc=$?
  exec 3>&-
  return $rc
}

# rawreq: rawsend, then print the whole answer, CR shown as <CR>
rawreq() {
  local rc
  rawsend
  rc=$?
  showfile .raw.out
  [ $rc -eq 124 ] && echo "(connection still open after 20 s)"
}

# rawstatus: like rawreq, but print only the status code and whether the
# server closed the connection
rawstatus() {
  local rc st
  rawsend
  rc=$?
  st=$(head -1 .raw.out | tr -d '\r')
  case $st in
    HTTP/1.[01]\ [0-9][0-9][0-9]*) echo "status ${st:9:3}" ;;
    '') echo "no answer" ;;
    *) echo "bad status line: $st" ;;
  esac
  if [ $rc -eq 124 ]; then echo "not closed"; else echo "closed"; fi
}

# rawbody: the body of the last rawreq/rawstatus answer
rawbody() {
  sed '1,/^\r\{0,1\}$/d' .raw.out
}

# verdict: for a raw request that must be refused: prints "refused" when the
# answer is a 4xx status or a 200 whose body is only notfqdn/badagent/nohost
verdict() {
  local st body
  st=$(head -1 .raw.out | tr -d '\r' | awk '{print $2}')
  body=$(rawbody | tr '\n' ' ')
  case $st:$body in
    4[0-9][0-9]:*) echo refused ;;
    '200:notfqdn '|'200:badagent '|'200:nohost ') echo refused ;;
    *) echo "NOT REFUSED: status '$st' body '$body'" ;;
  esac
}

# ---------------------------------------------------------------- dns

# lookup NAME TYPE: answer records from root/data.cdb, sorted, or "no answer"
lookup() {
  local out
  out=$(cd root && tinydns-get "$2" "$1" 2>&1 | sed -n 's/^answer: //p' | sort)
  if [ -n "$out" ]; then echo "$out"; else echo "$1 $2: no answer"; fi
}

randip() {
  echo "127.$((RANDOM % 254 + 1)).$((RANDOM % 254 + 1)).$((RANDOM % 254 + 1))"
}

# starttinydns [DIR]: real tinydns on a random 127.X.Y.Z port 53, serving
# DIR/data.cdb (default root); sets DNSIP (so dig_a asks it) and DNSPID
starttinydns() {
  local dir=${1:-$PWD/root} log=tinydns.log try i
  [ -n "$1" ] && log=$1.tinydns.log
  for ((try = 0; try < 5; try++)); do
    DNSIP=$(randip)
    env -i PATH="$PATH" IP="$DNSIP" ROOT="$dir" UID=0 GID=0 \
      tinydns > "$log" 2>&1 &
    DNSPID=$!
    LIB_PIDS+=("$DNSPID")
    for ((i = 0; i < 100; i++)); do
      kill -0 "$DNSPID" 2>/dev/null || break
      if dig +time=1 +tries=1 +norec "@$DNSIP" example.com SOA >/dev/null 2>&1
      then
        # still alive: the answer came from our tinydns, not a stranger's
        sleep 0.2
        kill -0 "$DNSPID" 2>/dev/null && return 0
        break
      fi
      sleep 0.1
    done
    kill "$DNSPID" 2>/dev/null
    wait "$DNSPID" 2>/dev/null
    lib_forget "$DNSPID"
    echo "lib: tinydns on $DNSIP for $dir failed: $(tail -2 "$log")" >&2
  done
  die "could not start tinydns"
}

dig_a() {
  local out
  out=$(dig +short +norec +time=2 +tries=3 "@$DNSIP" "$1" A 2>&1 | sort)
  if [ -n "$out" ]; then echo "$out"; else echo "$1: no answer"; fi
}

# ---------------------------------------------------------------- files

# snap / same: has root/data.dyn (or $1) been touched since snap?
fileid() {
  local f=root/${1:-data.dyn}
  echo "$(sha256sum < "$f") $(stat -c '%i %y' "$f")"
}

snap() {
  fileid "$@" > ".snap.${1:-data.dyn}"
}

same() {
  local f=${1:-data.dyn}
  if [ "$(fileid "$@")" = "$(cat ".snap.$f")" ]; then
    echo "$f unchanged"
  else
    echo "$f CHANGED"
  fi
}

# notemp [extra expected names...]: anything in root besides the usual files
notemp() {
  local extra=" $* " f bad=
  for f in root/* root/.[!.]*; do
    [ -e "$f" ] || continue
    f=${f#root/}
    case " data.static data.dyn data data.cdb Makefile data.dyn.lock make.lock data.dyn.status data.dyn.status.lock " in
      *" $f "*) continue ;;
    esac
    case $extra in
      *" $f "*) continue ;;
    esac
    bad+=" $f"
  done
  if [ -z "$bad" ]; then
    echo "no temp files"
  else
    echo "unexpected files in root:$bad"
  fi
}

# made: how often the counting Makefile ran
made() {
  if [ -e root/made ]; then
    echo "make ran $(wc -l < root/made) times"
  else
    echo "make never ran"
  fi
}

# req1: req on one line ("HTTP 200 good 192.0.2.10")
req1() {
  req "$@" | paste -sd' '
}

# ddclientconf FILE PORT SETTING...: a ddclient 3.10 configuration for
# user alice, protocol dyndns2, one run (daemon=0), the server on
# 127.0.0.1:PORT, then one line per SETTING (ssl=, use=, password=, the
# host lines, ...), in order; mode 600, as ddclient wants it
ddclientconf() {
  local f=$1 port=$2
  shift 2
  printf '%s\n' daemon=0 protocol=dyndns2 "server=127.0.0.1:$port" login=alice "$@" > "$f"
  chmod 600 "$f"
}

# buildhelper NAME: tests/NAME.c, linked with the build's libraries, as
# ./NAME in the test's directory
buildhelper() {
  local cc ld
  cc=$(head -1 "$TOP/conf-cc")
  ld=$(head -1 "$TOP/conf-ld")
  $cc -I"$TOP" -c "$TESTS/$1.c" 2> build.err &&
    $ld -o "$1" "$1.o" -Wl,--start-group "$TOP"/*.a -Wl,--end-group -lcrypt 2>> build.err ||
    { cat build.err >&2; die "$1.c does not build"; }
}
