# symlinks planted in ROOT (issue #12): whoever can write to ROOT but
# not elsewhere must not make the handler write or create files
# elsewhere through a symlink named like one of its files. For each
# planted link the handler may answer 911 or work around it, but
# nothing outside ROOT is written or created, and once the link is
# gone the service works. (Every file in ROOT is opened with
# O_NOFOLLOW, and every new one with O_EXCL: datadir.h, replace.c.)
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

onehost
mkoutside
starttinydns
marker

n=1
plant() {
  local name=$1 target=$2 ip=198.51.100.$n
  n=$((n + 1))
  rm -f "root/$name"
  ln -s "$target" "root/$name"
  echo "--- root/$name -> $target"
  okor911 "$(req1 "/nic/update?hostname=h1.example.com&myip=$ip" -u alice:alice-pw -m 20)"
  okor911 "$(req1 "/nic/update?hostname=h1.example.com&myip=$ip" -u alice:wrong -m 20)"
  settle
  outsidesame
  if [ -L "root/$name" ] && [ "$(readlink "root/$name")" = "$target" ]; then
    rm "root/$name"
  fi
  recovers h1.example.com $ip > .rec
  head -1 .rec
}

startserver TIMEOUT=5 MAXPERHOUR=100 AUTHDELAYMAX=1
plant data.dyn.lock ../outside/victim
plant data.dyn.lock ../outside/d/newlock
plant make.lock ../outside/d/newbuild
plant make.lock ../outside/victim
plant data.dyn.authfail.tmp ../outside/victim
plant data.dyn.authfail.tmp ../outside/d/newauthfail
plant data.dyn.authfail ../outside/victim
plant data.dyn.abuse.tmp ../outside/victim
plant data.dyn.abuse.tmp ../outside/d/newabuse
plant data.dyn.abuse ../outside/victim
stopserver
dig_a h1.example.com
notemp data.dyn.authfail data.dyn.abuse
outside
