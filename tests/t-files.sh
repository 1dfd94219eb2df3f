# FILES, the map of the tree, stays true: every top-level .c and .h (but
# the generated ones, in TARGETS) is named in it, and every .c and .h it
# names without a directory exists
. "$TESTS/lib.sh"
[ -f "$TOP/FILES" ] || die "no $TOP/FILES"

# the words of FILES, one a line
tr -s ' \t,;:()' '\n\n\n\n\n\n\n' < "$TOP/FILES" | grep '^[A-Za-z0-9_][A-Za-z0-9_.-]*\.[ch]$' |
  while read -r f; do grep -qx "$f" "$TOP/TARGETS" || echo "$f"; done |
  LC_ALL=C sort -u > named
(cd "$TOP" && ls *.c *.h) | while read -r f; do
  grep -qx "$f" "$TOP/TARGETS" || echo "$f"
done | LC_ALL=C sort -u > sources

echo '--- not in FILES'
LC_ALL=C comm -13 named sources
echo '--- in FILES, but no such file'
LC_ALL=C comm -23 named sources
[ -s sources ] && echo "--- done"
