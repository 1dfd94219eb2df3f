#!/bin/sh
# deb.sh: builds the Debian package (make deb). Copies the tree's files,
# debian/ and log/ to a temp dir, cleans the copy, and runs
# dpkg-buildpackage -us -uc -b there (debian/rules builds with /usr in
# place of conf-home, which stays as it is). Prints where the .deb is;
# tests/t-deb.sh does the same and installs it.
top=$(cd "$(dirname "$0")" && pwd) || exit 111
work=$(mktemp -d "${TMPDIR:-/tmp}/tinydnsdyn-deb.XXXXXX") || exit 111
mkdir "$work/tinydnsdyn" || exit 111
for f in "$top"/*; do
  [ -f "$f" ] && { cp -p "$f" "$work/tinydnsdyn/" || exit 111; }
done
cp -a "$top/debian" "$top/log" "$work/tinydnsdyn/" || exit 111
cd "$work/tinydnsdyn" || exit 111
make clean >/dev/null || exit 111
if ! dpkg-buildpackage -us -uc -b > "$work/build.log" 2>&1; then
  tail -20 "$work/build.log"
  echo "deb: dpkg-buildpackage failed; see $work/build.log" >&2
  exit 1
fi
lintian "$work"/tinydnsdyn_*.changes 2>&1 | grep -v 'running with root privileges'
for d in "$work"/tinydnsdyn_*.deb; do
  echo "deb: built $d"
done
