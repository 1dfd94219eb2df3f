# myip must be a canonical dotted quad; anything else answers badagent
# (a single line) and nothing is written
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
EOF
countmakefile
adduser alice alice-pw
startserver

snap
while read -r ip; do
  printf '%s: ' "$ip"
  req1 "/nic/update?hostname=h1.example.com,h2.example.com&myip=$ip" -u alice:alice-pw
done <<'EOF'
1.2.3.04
01.2.3.4
00.0.0.0
127.1
1.2.3
1.2.3.4.5
1.2.3.4.
.1.2.3.4
1..2.3
0x7f.0.0.1
0x7f000001
2130706433
017.0.0.1
256.1.1.1
1.2.3.256
999.999.999.999
1.2.3.4444
-1.2.3.4
1.2.3.-4
a.b.c.d
localhost
1.2.3.4%0A%2Bevil.example.com:6.6.6.6
1.2.3.4%0a%2bevil.example.com%3a6.6.6.6
1.2.3.4%0A
1.2.3.4%0D
1.2.3.4%00
1.2.3.4%09
1.2.3.4%3A53
1.2.3.4:300
1.2.3.4+
+1.2.3.4
1.2.3.4%20
%201.2.3.4
1.2.3.4%2F24
1.2.3.4/24
1.2.3.4%23
1.2.3.4%5C
1.2.3.4%250A
1.2.3.4%25
%31.2.3.4x
EOF
same
made
lookup evil.example.com a
showdyn
notemp
echo '--- encoded but canonical'
req1 '/nic/update?hostname=h1.example.com&myip=%31%39%32.0.2.%31%30' -u alice:alice-pw
showdyn
