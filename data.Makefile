# Makefile for the tinydns data directory ($ROOT), from tinydnsdyn-conf.
# tinydnsdyn replaces data.dyn and runs "make" here after every change.
#
# data      records you edit by hand or with ./add-host, ./add-mx, ...
#           (SOA, NS, MX, fixed hosts); never a dynamic host's lines
# data.dyn  the address lines of dynamic hosts, edited by tinydnsdyn
#
# tinydns-data reads only a file named data in the current directory,
# so both files are joined into build/data and tinydns-data runs in
# build/; it writes data.tmp and renames it to data.cdb only when the
# whole file is good, and build/data.cdb is then renamed over data.cdb,
# so a broken data file never reaches tinydns. build/ belongs to
# tinydnsdyn's account; run make as that account, under the build lock:
#   setuidgid tinydnsdyn setlock make.lock make
# (a make run as root works too: it removes what root leaves behind)

# Secondaries running tinydns: where data.cdb is copied after each
# build, as rsync destinations ending in '/': host:/etc/sv/tinydns/root/
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

# awk 1: a last line without newline in data is not glued to data.dyn's
data.cdb: data data.dyn
	rm -f build/data.new build/data.tmp
	awk 1 data data.dyn > build/data.new
	mv -f build/data.new build/data
	cd build && tinydns-data
	mv -f build/data.cdb data.cdb

# BIND (or any AXFR) secondaries fetch the zones from axfrdns (Debian
# package axfrdns; /etc/sv/axfrdns), which reads this same data.cdb:
# set its conf/ROOT to this directory and conf/IP to the address the
# secondaries ask, allow each of them in its tcp file, e.g.
#   198.51.100.2:allow,AXFR="example.com/2.0.192.in-addr.arpa"
# and run make there. tinydns sends no NOTIFY: a secondary asks for the
# SOA serial every refresh seconds. A Z line without a serial gets the
# modification time of build/data, so every build raises it (two builds
# in the same second share one); give the zone a short refresh, e.g.
#   Zexample.com:ns1.example.com:hostmaster.example.com::300:60:1209600:60
