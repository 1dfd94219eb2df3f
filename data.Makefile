# Example Makefile for the tinydns data directory ($ROOT). tinydnsdyn
# replaces data.dyn and runs "make" here after every change.
#
# data.static  records you edit by hand (SOA, NS, MX, fixed hosts)
# data.dyn     the + and = lines of dynamic hosts, edited by tinydnsdyn
#
# tinydns-data writes data.tmp and renames it to data.cdb only when the
# whole file is good, so a broken data file never reaches tinydns.

# Secondaries running tinydns: where data.cdb is copied after each
# build, as rsync destinations ending in '/': host:/etc/tinydns/root/
# (over ssh) or a local directory. rsync writes a temporary file there
# and renames it, so tinydns never reads half a file. A copy that fails
# fails make: the client hears dnserr, and its next request copies
# again. make runs as tinydnsdyn's account, which has no home: name its
# key and known_hosts, e.g.
# RSYNC_RSH = ssh -i /etc/tinydnsdyn/ssh/id_ed25519 -o UserKnownHostsFile=/etc/tinydnsdyn/ssh/known_hosts -o ConnectTimeout=10
# export RSYNC_RSH
SECONDARIES =

publish: data.cdb
	@for s in $(SECONDARIES); do \
	  echo "rsync -t data.cdb $$s"; rsync -t data.cdb "$$s" || exit 1; \
	done

data.cdb: data
	tinydns-data

data: data.static data.dyn
	cat data.static data.dyn > data.new
	mv data.new data

# BIND (or any AXFR) secondaries fetch the zones from axfrdns (Debian
# package axfrdns; /etc/sv/axfrdns), which reads this same data.cdb:
# set its conf/ROOT to this directory and conf/IP to the address the
# secondaries ask, allow each of them in its tcp file, e.g.
#   198.51.100.2:allow,AXFR="example.com/2.0.192.in-addr.arpa"
# and run make there. tinydns sends no NOTIFY: a secondary asks for the
# SOA serial every refresh seconds. A Z line without a serial gets the
# modification time of data, so every build raises it (two builds in
# the same second share one); give the zone a short refresh, e.g.
#   Zexample.com:ns1.example.com:hostmaster.example.com::300:60:1209600:60
