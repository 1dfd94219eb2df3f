# The README's "Install on Debian 12", run as it stands: its command
# blocks, taken from README.md, in order, in one root shell whose
# working directory starts as a fresh copy of the source tree ("this
# directory"), on a scratch copy of this Debian system (a sandbox,
# lib-ops.sh: overlays on /etc, /var, /usr/local, /usr/sbin and
# /lib/systemd/system, /run a tmpfs, a network of its own), from
# Debian's tinydns as its package leaves it to a ddclient update that
# the running tinydns serves. Twice: with runit as init, as Debian runs
# it (runsvdir -P /etc/service, as runit-init does; runsv runs
# /etc/sv/tinydns through invoke-run), and with systemd. Then, on the
# service the route made, the command blocks of the README's Operating
# and Troubleshooting sections, the same way.
#
# What differs from a real machine, and only this:
# - the packages are installed already, so "make deps-run" finds them
#   (it would install what is missing);
# - the password that tinydnsdyn-passwd asks for twice on a terminal
#   comes on its standard input, which it reads when it is none;
# - this machine's container image has a /usr/sbin/policy-rc.d that
#   refuses every start; a Debian system has none, so the sandbox has
#   none either;
# - no systemd runs here: systemctl is a stand-in whose enable,
#   disable and is-enabled are the real systemctl's (they work on the
#   files), and which starts a unit for --now (and again for restart)
#   by running its ExecStart in its WorkingDirectory, keeping its output
#   for a journalctl stand-in (the unit's hardening is t-systemd's);
# - after the block that starts the services, the test waits until both
#   answer (runsvdir looks for new services every 5 seconds), as an
#   operator would before the check;
# - vi, which the hand-edit block runs, is a stand-in that says whether
#   it holds the data lock and changes nothing; the secret that
#   tinydnsdyn-host -p prints, process ids and times are masked;
# - dyn.example.com, the server in the README's ddclient.conf, is
#   127.0.0.1 in the sandbox's /etc/hosts, and eth0, the interface that
#   ddclient.conf names, is a veth with 198.51.100.9 in the sandbox's
#   own network, from which nothing leaves.
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"

if [ -z "${ROUTE-}" ]; then
  # this directory: the tree as a clone has it (t-targets does the same)
  mkdir src
  if git -C "$TOP" rev-parse --git-dir > /dev/null 2>&1; then
    (cd "$TOP" && git ls-files -co --exclude-standard |
     while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done |
     tar cf - -T -) | (cd src && tar xf -) || die "copying the tree"
  else
    (cd "$TOP" && tar cf - --exclude=./.git .) | (cd src && tar xf -) &&
      (cd src && make clean > /dev/null 2>&1) || die "copying the tree"
  fi
  # the blocks: code lines (indented 4 spaces more than their text) of
  # the sections the test runs, one block per run of them, as "route"
  # or "after", its number and a line; a comment naming systemd or runit
  # first marks a block of that init only; a script ("#!" first) is a
  # file's content, not commands (the web hook is t-onchange's)
  awk '
    /^## / { sec = substr($0, 4); on = 0; next }
    sec != "Install on Debian 12" && sec != "Operating" && sec != "Troubleshooting" { next }
    /^    +[^ ]/ {
      if (!on) { n++; on = 1; match($0, /^ +/); ind = RLENGTH }
      print (sec == "Install on Debian 12" ? "route" : "after") "\t" n "\t" substr($0, ind + 1)
      next
    }
    { on = 0 }' "$TOP/README.md" > blocks
  grep -q '^route' blocks || die "no command blocks in README.md's Install on Debian 12"
  for r in runit systemd; do
    echo "=== with $r"
    ROUTE=$r bash "$0"
  done
  exit 0
fi

sandbox
src=$PWD/src
blocks=$PWD/blocks
mkdir "$ROUTE" && cd "$ROUTE" || die "mkdir $ROUTE"
top=$PWD
SV=
RUNSVDIR=
route_cleanup() {
  local p
  if [ -n "$RUNSVDIR" ]; then
    kill -HUP "$RUNSVDIR" 2>/dev/null   # TERM to every runsv, which stops its service
    pidsgone 300 "$RUNSVDIR"
  fi
  if [ -s /run/stand-in/pids ]; then
    for p in $(cat /run/stand-in/pids); do
      pkill -TERM -P "$p" 2>/dev/null
      kill -TERM "$p" 2>/dev/null
    done
  fi
  lib_cleanup
}
trap route_cleanup EXIT

# -- a Debian 12 system with Debian's tinydns as its package leaves it
rm -f /usr/sbin/policy-rc.d
dpkg -L tinydns > tinydns.files
find /etc/sv/tinydns -mindepth 1 -depth | while read -r f; do
  case $f in */supervise) continue ;; esac
  grep -qx -- "$f" tinydns.files || rm -rf -- "$f"
done
[ -e /etc/tinydnsdyn ] && die "/etc/tinydnsdyn exists on this machine"
ls /etc/sv/tinydns/root | paste -sd' ' | sed 's/^/Debian'"'"'s root: /'
echo '127.0.0.1 dyn.example.com' >> /etc/hosts
ip link add eth0 type veth peer name eth0peer && ip addr add 198.51.100.9/24 dev eth0 &&
  ip link set eth0 up || die "no eth0"
mkdir -p /run/runit/supervise /run/stand-in
if [ "$ROUTE" = runit ]; then
  # runit-init's stage 2 runs runsvdir on /etc/service; the runit
  # package's placeholder default-syslog is left out
  rm -f /etc/runit/runsvdir/default/*
  runsvdir -P /etc/service > runsvdir.log 2>&1 &
  RUNSVDIR=$!
else
  cat > /usr/local/sbin/systemctl <<'EOF'
#!/bin/sh
# systemctl, standing in where no systemd runs (see t-route.sh)
now=
cmd=
units=
for a; do
  case $a in
    --now) now=1 ;;
    -*) ;;
    *) if [ -z "$cmd" ]; then cmd=$a; else units="$units $a"; fi ;;
  esac
done
case $cmd in
  enable) /usr/bin/systemctl enable $units || exit 1; [ -n "$now" ] || exit 0 ;;
  start) ;;
  restart)
    for u in $units; do
      u=${u%.service}
      for p in $(cat "/run/stand-in/$u.service.pid" 2>/dev/null); do
        pkill -TERM -P "$p"; kill -TERM "$p"
        i=0; while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
      done
    done ;;
  *) exec /usr/bin/systemctl "$@" ;;
esac
for u in $units; do
  u=${u%.service}
  f=/etc/systemd/system/$u.service
  [ -f "$f" ] || f=/lib/systemd/system/$u.service
  wd=$(sed -n 's/^WorkingDirectory=//p' "$f")
  ex=$(sed -n 's/^ExecStart=//p' "$f")
  (cd "$wd" && exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin sh -c "exec $ex") \
    >> "/run/stand-in/$u.service.log" 2>&1 < /dev/null &
  echo $! > "/run/stand-in/$u.service.pid"
  echo $! >> /run/stand-in/pids
done
EOF
  cat > /usr/local/sbin/journalctl <<'EOF'
#!/bin/sh
# journalctl, standing in where no systemd runs: the output of the
# units named with -u, as the systemctl stand-in kept it
while [ $# -gt 0 ]; do
  case $1 in
    -u) u=${2%.service}; cat "/run/stand-in/$u.service.log" 2>/dev/null; shift ;;
    --since|-o|-n) shift ;;
  esac
  shift
done
exit 0
EOF
  chmod 755 /usr/local/sbin/systemctl /usr/local/sbin/journalctl
fi

# -- the blocks of a part ("route", "after") for this init, in one
# shell, in order, as typed at a root prompt in this directory; each
# one's output in out.N; then each block's commands and output
printf 'secret\n' > password
cat > ready <<EOF
#!/bin/bash
. "$TESTS/lib.sh"
. "$TESTS/lib-ops.sh"
port=8245
svcup 300 || echo "tinydnsdyn did not answer within 30 s"
dnsup() { dig +time=1 +tries=1 +norec @127.0.0.1 example.com SOA > /dev/null 2>&1; }
waitfor dnsup
EOF
chmod 755 ready
runblocks() {
  local n in rc
  awk -F'\t' -v part="$1" -v r="$ROUTE" '
    $1 != part { next }
    $2 != b { b = $2; mine = $3 !~ /^#!/
              if ($3 ~ /^# .*(runit|systemd)/) mine = $3 ~ ("^# .*" r) }
    mine { print $2 "\t" $3 }' "$blocks" > "blocks.$1"
  {
    echo 'set -e'
    echo "cd '$src'"
    for n in $(cut -f1 "blocks.$1" | uniq); do
      in=/dev/null
      grep -q "^$n	.*tinydnsdyn-passwd" "blocks.$1" && in=$top/password
      echo "echo $n > '$top/block'"
      echo "{"
      awk -F'\t' -v n="$n" '$1 == n { print $2 }' "blocks.$1"
      echo "} < $in > '$top/out.$n' 2>&1"
      # the services need a moment before the check (see above)
      if grep -q "^$n	.*\(systemctl enable\|update-service --add\)" "blocks.$1"; then
        echo "'$top/ready'"
      fi
    done
  } > "session.$1"
  bash "session.$1" > "session.$1.out" 2>&1
  rc=$?
  for n in $(cut -f1 "blocks.$1" | uniq); do
    [ -f "out.$n" ] || break
    awk -F'\t' -v n="$n" '$1 == n { print "$ " $2 }' "blocks.$1"
    if grep -q "^$n	make setup check" "blocks.$1"; then
      # the install's output (apt, the compiler, adduser) is no part of it
      echo "(its output is not shown)"
    elif grep -q "^$n	\(tai64nlocal\|journalctl\)" "blocks.$1"; then
      grep 'tinydnsdyn: ' "out.$n" | sed 's/^[0-9-]* [0-9:.]* //; s| /tinydnsdyn-check\.[0-9a-f.]* | /tinydnsdyn-check.NONCE |'
    else
      sed 's/^secret: .*/secret: (24 letters and digits)/; s/(pid [0-9]*) [0-9]*s/(pid N) Ns/' "out.$n"
    fi
  done
  cat "session.$1.out"
  [ $rc = 0 ] || echo "the $1 stopped in block $(cat block): exit $rc"
}

echo '--- the route'
runblocks route

echo '--- what the route left'
echo "data.dyn: $(paste -sd' ' /etc/sv/tinydns/root/data.dyn)"
echo "home.example.com lines left in data: $(grep -c 'home\.example\.com' /etc/sv/tinydns/root/data)"
if [ "$ROUTE" = runit ]; then
  # tinydns as Debian's run script starts it, through invoke-run
  sv status /etc/service/tinydns /etc/service/tinydnsdyn | sed -E 's/ \(pid [0-9]+\)//g; s/ [0-9]+s//g'
else
  systemctl is-enabled tinydns tinydnsdyn
fi

echo '--- the client: ddclient, as the README configures it'
sed -n '/^ddclient 3.10/,/^Keep it mode 600/p' "$TOP/README.md" | sed -n 's/^    //p' > /etc/ddclient.conf
chmod 600 /etc/ddclient.conf
cmd=$(sed -n '/^Keep it mode 600/,/^curl/p' "$TOP/README.md" | sed -n 's/^    //p')
echo "$ $cmd"
$cmd > ddclient.out 2>&1
echo "exit $?"
grep -E 'SUCCESS|FAILED|WARNING' ddclient.out
dig +short +norec @127.0.0.1 home.example.com A
dig +short +norec @127.0.0.1 home.example.com AAAA
echo '--- Operating and Troubleshooting'
cat > /usr/local/sbin/vi <<'EOF'
#!/bin/sh
# vi, standing in for the operator's editor (see t-route.sh)
if flock -n "$(dirname "$1")/data.dyn.lock" true; then echo "vi $1: the data lock is NOT held"; else echo "vi $1: the data lock is held"; fi
EOF
chmod 755 /usr/local/sbin/vi
runblocks after
