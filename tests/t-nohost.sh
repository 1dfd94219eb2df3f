# a host without a +, = or +*. line answers nohost; the file never grows
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF'
+h1.example.com:192.0.2.1
#+h2.example.com:192.0.2.2
-h3.example.com:192.0.2.3
Ch4.example.com:h1.example.com
@h5.example.com::mx.example.com
'h6.example.com:text h1.example.com
^7.2.0.192.in-addr.arpa:h7.example.com
:h9.example.com:28:\040\001\015\270\000\000\000\000\000\000\000\000\000\000\000\001
&h10.example.com::ns.example.com
EOF
countmakefile
adduser alice alice-pw
startserver

snap
for h in h2 h3 h4 h5 h6 h7 h9 h10 nothere; do
  printf '%s: ' $h
  req1 "/nic/update?hostname=$h.example.com&myip=192.0.2.10" -u alice:alice-pw
done
for h in example.com h1.example.org h1.example.co h1.example.comx xh1.example.com \
         h1.example a.h1.example.com 7.2.0.192.in-addr.arpa h1.example.com.example.com
do
  printf '%s: ' $h
  req1 "/nic/update?hostname=$h&myip=192.0.2.10" -u alice:alice-pw
done
echo '--- all in one request'
req '/nic/update?hostname=h2.example.com,h3.example.com,example.com,xh1.example.com&myip=192.0.2.10' -u alice:alice-pw
same
made
notemp
lookup h1.example.com a
