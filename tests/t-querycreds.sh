# credentials outside Basic auth: username/user and password/pass in the
# query or a form body, used only without an Authorization header; the
# same check, the same failed-login delay, never logged. And the
# inferred hostname: missing, empty or YES means the user's only host, or the
# user name when it is a host the user may update.
. "$TESTS/lib.sh" || exit 1

mkroot <<'EOF2'
+h1.example.com:192.0.2.1
+h2.example.com:192.0.2.2
+nas.example.com:192.0.2.3
EOF2
adduser alice alice-pw
adduser bob 'b&b pw+%' h2.example.com
adduser nas.example.com nas-pw
adduser carol carol-pw 'h1.example.com, h2.example.com'
adduser dave dave-pw ' h1.example.com. ,'
adduser erin 'x!$()*,;=#y' h2.example.com
startserver

U='/nic/update?hostname=h1.example.com'
echo '--- username/password, user/pass, any case, percent-encoded'
req1 "$U&myip=192.0.2.10&username=alice&password=alice-pw"
req1 "$U&myip=192.0.2.11&user=alice&pass=alice-pw"
req1 "$U&myip=192.0.2.12&UserName=alice&PASSWORD=alice-pw"
req1 "/nic/update?hostname=h2.example.com&myip=192.0.2.13&user=bob&pass=b%26b+pw%2B%25"
echo '--- a URL template filled in unencoded: ; and # are bytes of the value'
printf 'GET /nic/update?hostname=h2.example.com&myip=192.0.2.15&username=erin&password=x!$()*,;=#y HTTP/1.0\r\nUser-Agent: t\r\n\r\n' |
  rawreq | sed -n '1p;$p' | sed 's/<CR>$//' | paste -sd' '
echo '--- in a form body'
req1 "$U" -d 'myip=192.0.2.14&username=alice&password=alice-pw'
echo '--- wrong, missing, or not used'
snap
req1 "$U&myip=192.0.2.20&username=alice&password=wrong"
req1 "$U&myip=192.0.2.20&username=alice"
req1 "$U&myip=192.0.2.20&password=alice-pw"
req1 "$U&myip=192.0.2.20&username=&password=alice-pw"
req1 "$U&myip=192.0.2.20&username=nobody&password=alice-pw"
req1 "$U&myip=192.0.2.20&username=ali%3Ace&password=alice-pw"
req1 "$U&myip=192.0.2.20&username=alice%0A&password=alice-pw"
req1 "$U&myip=192.0.2.20&username=alice&password=alice-pw" -u alice:wrong
req1 "$U&myip=192.0.2.20&username=alice&password=alice-pw" -H 'Authorization: Bearer x'
req1 "$U&myip=192.0.2.20&username=alice&user=alice&password=alice-pw"
req1 "$U&myip=192.0.2.20&username=alice&password=alice-pw&pass=alice-pw"
req1 "$U&myip=192.0.2.20&username=alice&password=alice-pw" -d 'password=alice-pw'
same
echo '--- Basic auth wins over the query'
req1 "$U&myip=192.0.2.21&username=alice&password=wrong" -u alice:alice-pw
echo '--- inferred hostname'
req1 "/nic/update?myip=192.0.2.30&username=bob&password=b%26b+pw%2B%25"
req1 "/nic/update?hostname=YES&myip=192.0.2.31" -u 'bob:b&b pw+%'
req1 "/nic/update?hostname=yes&myip=192.0.2.32" -u nas.example.com:nas-pw
req1 "/nic/update?myip=192.0.2.33" -u dave:dave-pw
req1 "/nic/update?myip=192.0.2.34" -u alice:alice-pw
req1 "/nic/update?myip=192.0.2.34" -u carol:carol-pw
req1 "/nic/update?hostname=&myip=192.0.2.34" -u bob:'b&b pw+%'
showdyn
echo '--- the log: users, never a password'
grep -c 'alice-pw\|b&b\|nas-pw\|wrong\|;=#y' log
grep -o 'tinydnsdyn: .*' log
stopserver
echo '--- a wrong password in the query is delayed like one in the header'
: > log
startserver AUTHDELAYMAX=2
for i in 1 2 3; do req1 "$U&username=alice&password=wrong"; done
req1 "$U&username=alice"
req1 "$U"
stopserver
grep -o '401 badauth\| delayed [0-9]*s' log | paste -sd' ' | tr -s ' '
