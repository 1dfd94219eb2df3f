# makeobjects: the Makefile's object rules agree with the sources'
# #include lines (makeobjects --check on the tree); and the check can
# fail: on a small made-up tree (headers of headers, a generated .c, a
# .c with no header) and on a copy of the real tree made stale, it
# prints the difference and exits 1, and makeobjects repairs it; an
# object in no library or program and a library member without a .c
# are refused
. "$TESTS/lib.sh"
MO=$TOP/makeobjects

echo '--- the tree'
"$MO" --check
echo "check: exit $?"

echo '--- a made-up tree'
mkdir mini
cd mini || exit 1
cp "$MO" .
printf '#include "b.h"\n' > a.h
printf '/* nothing */\n' > b.h
printf '#include "a.h"\n#include <unistd.h>\n' > c.h
printf '#include <unistd.h>\n#include "c.h"\nint main(void) { return 0; }\n' > main.c
printf '#include "b.h"\n' > lib.c
printf 'int solo;\n' > solo.c
printf 'char gen[] = "x";\n' > gen.c
printf 'gen.c\n' > TARGETS
cat > Makefile <<'EOF'
prog: load main.o lib.a gen.o
	./load prog lib.a gen.o

lib.a: makelib lib.o solo.o
	./makelib lib.a lib.o solo.o

gen.o: compile gen.c
	./compile gen.c

# BEGIN objects
# END objects

clean:
	rm -f `cat TARGETS`
EOF
./makeobjects; echo "makeobjects: exit $?"
sed -n '/^# BEGIN objects$/,/^# END objects$/p' Makefile
./makeobjects --check; echo "check: exit $?"
echo '- lib.c includes c.h now'
printf '#include "c.h"\n' >> lib.c
./makeobjects --check; echo "check: exit $?"
./makeobjects; echo "makeobjects: exit $?"
./makeobjects --check; echo "check: exit $?"
echo '- a new.c in no library'
printf 'int new;\n' > new.c
./makeobjects --check; echo "check: exit $?"
rm new.c
./makeobjects; echo "makeobjects: exit $?"
echo '- solo.c removed, lib.a still names solo.o'
rm solo.c
./makeobjects --check; echo "check: exit $?"
./makeobjects; echo "makeobjects: exit $?"
grep -c '^solo.o:' Makefile
echo '- no block'
sed -i '/^# BEGIN objects$/d' Makefile
./makeobjects --check; echo "check: exit $?"
cd .. || exit 1

echo '--- a stale copy of the tree'
mkdir copy
cp "$TOP"/*.c "$TOP"/*.h "$TOP"/Makefile "$TOP"/TARGETS "$MO" copy/
rm -f copy/auto_home.c
# tinydnsdyn.o loses a header it includes (through dyn.h)
sed -i '/^compile tinydnsdyn\.c /s/ ip6\.h / /' copy/Makefile
copy/makeobjects --check > out
echo "check: exit $?"
head -1 out
grep -c '^-compile tinydnsdyn\.c ' out
grep -c '^+compile tinydnsdyn\.c .* ip6\.h ' out
copy/makeobjects; echo "makeobjects: exit $?"
cmp -s copy/Makefile "$TOP/Makefile" && echo 'repaired: same as the tree'
