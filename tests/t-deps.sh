# make deps-demo, make deps-run, make deps-deb and make deps, as the
# README tells an operator to type: what each asks apt-get to install
# when nothing is installed (stand-ins for dpkg-query and apt-get: the
# demo's list is what make demo needs, a server's what building and
# running need, never the test stack), that an installed daemontools-run
# is kept, and on this machine, where make deps ran, that each finds
# everything installed. In a sandbox (lib-ops.sh), since deps.sh puts a
# policy-rc.d in place while apt-get runs (t-deps-services).
. "$TESTS/lib.sh" || exit 1
. "$TESTS/lib-ops.sh" || exit 1
sandbox

mkdir fake
# dpkg-query: only what FAKE_INSTALLED names is installed
cat > fake/dpkg-query <<'EOF2'
#!/bin/sh
for a; do p=$a; done
case " $FAKE_INSTALLED " in *" $p "*) printf 'install ok installed' ;; esac
EOF2
# apt-get: says what it was asked
cat > fake/apt-get <<'EOF2'
#!/bin/sh
echo "apt-get $*" >> "$FAKE_LOG"
EOF2
chmod 755 fake/dpkg-query fake/apt-get

asked() { # asked TARGET [installed packages]: the install line, one package a line
  : > apt.log
  (cd "$TOP" && PATH="$OLDPWD/fake:$PATH" FAKE_LOG="$OLDPWD/apt.log" FAKE_INSTALLED="${2-}" \
    make -s "$1") > out 2>&1 || echo "make $1 failed: $(cat out)"
  sed -n 's/^apt-get install -y -q --no-install-recommends //p' apt.log | tr ' ' '\n' | sed '/^$/d'
}

echo '--- make deps-demo, nothing installed'
asked deps-demo
echo '--- make deps-run, nothing installed'
asked deps-run
echo '--- make deps-deb, nothing installed'
asked deps-deb
echo '--- make deps-run, daemontools-run installed: runit left out'
asked deps-run daemontools-run
grep -c 'runit left out' out
echo '--- make deps, nothing installed: the test stack too'
asked deps > all
for p in ddclient inadyn prometheus valgrind clang; do grep -qx "$p" all && echo "$p asked"; done
echo '--- make deps-run and make deps-deb with gcc, tinydns and runit installed'
asked deps-run 'gcc tinydns runit' | paste -sd' '
asked deps-deb 'gcc tinydns runit' | paste -sd' '
echo '--- on this machine (make deps ran): nothing to install'
for t in deps-demo deps-run deps-deb deps; do (cd "$TOP" && make -s "$t"); done
echo "--- the README's Quick start: one command per machine; .ci/run runs the second"
sed -n '/^## Quick start/,/^## How/p' "$TOP/README.md" | sed -n 's/^    //p' > quick
cat quick
grep -qxF "$(sed -n 2p quick)" "$TOP/.ci/run" && echo ".ci/run runs the test command"
