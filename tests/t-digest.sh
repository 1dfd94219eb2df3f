# the in-tree MD5 and SHA-1 agree with md5sum and sha1sum on every
# length around the block boundaries, on random bytes and on a few big
# inputs; the in-tree apr1 agrees with htpasswd -m on passwords of every
# length it takes, random printable ones, UTF-8 and the empty one
. "$TESTS/lib.sh" || exit 1
# digest-test.c (beside this script) built here against the libraries
cc=$(head -1 "$TOP/conf-cc")
ld=$(head -1 "$TOP/conf-ld")
$cc -I"$TOP" -c "$TESTS/digest-test.c" 2> build.err &&
  $ld -o digest-test digest-test.o -Wl,--start-group "$TOP"/*.a -Wl,--end-group -lcrypt 2>> build.err ||
  { cat build.err >&2; die "digest-test.c does not build (run make first)"; }
DT=$PWD/digest-test

mkdir in
n=0
for ((len = 0; len <= 300; len++)); do           # 0..300: every padding case
  head -c $len /dev/urandom > in/$n; n=$((n + 1))
done
for len in 511 512 513 4095 4096 4097 65535 65536 65537 1000000; do
  head -c $len /dev/urandom > in/$n; n=$((n + 1))
done
printf 'abc' > in/$n; n=$((n + 1))
head -c 100000 /dev/zero > in/$n; n=$((n + 1))
head -c 100000 /dev/zero | tr '\0' '\377' > in/$n; n=$((n + 1))

for alg in md5 sha1; do
  bad=0
  for ((i = 0; i < n; i++)); do
    want=$(${alg}sum < in/$i | cut -d' ' -f1)
    got=$("$DT" $alg < in/$i)
    if [ "$want" != "$got" ]; then
      bad=$((bad + 1))
      echo "$alg differs on input $i ($(wc -c < in/$i) bytes): $got, ${alg}sum $want"
    fi
  done
  echo "$alg: $((n - bad)) of $n inputs agree with ${alg}sum"
done

# a known answer each, so that a broken md5sum would not go unnoticed
printf 'message digest' | "$DT" md5
printf 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq' | "$DT" sha1

# apr1 against htpasswd: lengths 0..255 (htpasswd's limit), random
# printable passwords, spaces and colons, UTF-8
rndpass() {
  LC_ALL=C tr -dc ' -~' < /dev/urandom | head -c "$1"
}
pw=()
for ((len = 0; len <= 255; len += 3)); do pw+=("$(rndpass $len)"); done
for len in 1 2 4 7 8 9 15 16 17 31 32 33 63 64 65 127 128 129 254 255; do
  pw+=("$(rndpass $len)")
done
pw+=('p@ss w:rd' ' ' ':' 'grüße, 日本' $'tab\there')
bad=0
for p in "${pw[@]}"; do
  h=$(htpasswd -nbm u "$p" 2>/dev/null | sed -n 's/^u://p')
  case $h in '$apr1$'*) ;; *) die "htpasswd -m gave '$h' for '$p'" ;; esac
  got=$(printf '%s' "$p" | "$DT" apr1 "$h")
  if [ "$got" != "$h" ]; then
    bad=$((bad + 1))
    echo "apr1 differs for '$p': $got, htpasswd $h"
  fi
done
echo "apr1: $((${#pw[@]} - bad)) of ${#pw[@]} passwords agree with htpasswd"
# the setting alone (salt without hash) gives the same
printf 'p@ss w:rd' | "$DT" apr1 '$apr1$rkraKvi1$'
printf 'p@ss w:rd' | "$DT" apr1 '$apr1$rkraKvi1'
