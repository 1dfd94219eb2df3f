# percent-decoding (both hex cases), '+' as space, case-insensitive names,
# trailing dots, %2C/%2c as separators, parameters in any order, unknown
# parameters ignored
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
+h3.example.com:192.0.2.3
+H4.Example.COM:192.0.2.4:300
+h5.example.com.:192.0.2.5
=h6.EXAMPLE.com.:192.0.2.6
EOF
adduser alice alice-pw
startserver

A=(-u alice:alice-pw)
echo '--- encoded dots, mixed case'
req '/nic/update?hostname=H1%2eExample%2ECom&myip=192%2e0%2E2%2e10' "${A[@]}"
echo '--- %2c and %2C separators, trailing dot'
req '/nic/update?hostname=h2.example.com%2ch3.example.com%2Ch1.example.com.&myip=198.51.100.1' "${A[@]}"
echo '--- file line in mixed case'
req '/nic/update?hostname=h4.example.com&myip=198.51.100.4' "${A[@]}"
echo '--- file line with trailing dot'
req '/nic/update?hostname=H5.EXAMPLE.COM.&myip=198.51.100.5' "${A[@]}"
req '/nic/update?hostname=h6.example.com&myip=198.51.100.6' "${A[@]}"
echo '--- every character encoded'
req '/nic/update?%68%6f%73%74%6e%61%6d%65=%68%33%2E%65%78%61%6D%70%6C%65%2e%63%6f%6d&%6D%79%69%70=%31%39%38%2E%35%31%2E%31%30%30%2E%33' "${A[@]}"
echo '--- myip first, unknown parameters'
req '/nic/update?system=dyndns&myip=198.51.100.7&wildcard=ON&hostname=h2.example.com&mx=mx.example.com&backmx=NO&foo=bar&x' "${A[@]}"
echo '--- + is a space'
req '/nic/update?hostname=h1.example.com+&myip=198.51.100.8' "${A[@]}"
req '/nic/update?hostname=h1.example.com&myip=198.51.100.8+' "${A[@]}"
showdyn
lookup h4.example.com a
lookup h6.example.com a
