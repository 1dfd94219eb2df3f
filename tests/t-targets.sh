# TARGETS is true: in a copy of the source tree, "make it" creates every
# file TARGETS names and no other (so "make clean" leaves the sources
# alone and the tree clean). (t-makeobjects checks that every object
# the Makefile names has its .c.)
. "$TESTS/lib.sh"

# the sources: with git, the files git knows or would (not the ignored,
# built ones); without (sanitize.sh's copy), every file after make clean
mkdir src
if git -C "$TOP" rev-parse --git-dir > /dev/null 2>&1; then
  (cd "$TOP" && git ls-files -co --exclude-standard |
   while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done |
   tar cf - -T -) | (cd src && tar xf -) || die "copying the tree"
else
  (cd "$TOP" && tar cf - --exclude=./.git .) | (cd src && tar xf -) ||
    die "copying the tree"
  # and what .gitignore names, which is built too
  (cd src && make clean && while read -r p; do rm -f -- $p; done < .gitignore) > /dev/null 2>&1
fi
cd src || exit 1
[ -f TARGETS ] || die "no TARGETS"

find . -path ./.git -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort > ../before
make it > ../build.log 2>&1 || die "make it failed: $(tail -5 ../build.log)"
find . -path ./.git -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort > ../after
LC_ALL=C comm -13 ../before ../after > ../made
LC_ALL=C sort -u TARGETS > ../targets

echo '--- made by make it, not in TARGETS'
LC_ALL=C comm -23 ../made ../targets
echo '--- in TARGETS, not made by make it'
LC_ALL=C comm -13 ../made ../targets
echo '--- in TARGETS twice'
LC_ALL=C sort TARGETS | uniq -d
echo '--- make clean leaves the sources'
make clean > /dev/null 2>&1
find . -path ./.git -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort > ../clean
LC_ALL=C comm -3 ../before ../clean
grep -qx tinydnsdyn ../made && echo 'make it made tinydnsdyn'
