# a bad $DATA (issue #12): the data file must be a plain name in ROOT.
# With DATA=../outside/d/x (or ., .., an empty name), every request is
# answered 911 and logged (the configuration is checked before the
# password), and nothing is written or created outside ROOT: not by a
# wrong password counting failed logins beside the "data file" either.
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-fault.sh" || exit 1

onehost
mkoutside
echo '+h1.example.com:192.0.2.1:300' > outside/d/x
outsidelist > .outside.before
marker

for d in ../outside/d/x ../outside/d/new . .. ./data.dyn 'data.dyn/' "$PWD/outside/d/x"; do
  echo "--- DATA=${d/$PWD/CWD}"
  : > log
  startserver TIMEOUT=5 MAXPERHOUR=100 AUTHDELAYMAX=1 "DATA=$d"
  req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:alice-pw
  okor911 "$(req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1' -u alice:wrong)"
  okor911 "$(req1 '/nic/update?hostname=h1.example.com&myip=198.51.100.1')"
  stopserver
  outsidesame
  echo "logged: $(grep -c 'fatal: .*\$DATA' log)"
done
echo '--- DATA=data.dyn again'
startserver TIMEOUT=5
recovers h1.example.com 198.51.100.1 > .rec
head -1 .rec
stopserver
notemp
outside
