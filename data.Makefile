# Example Makefile for the tinydns data directory ($ROOT). tinydnsdyn
# replaces data.dyn and runs "make" here after every change.
#
# data.static  records you edit by hand (SOA, NS, MX, fixed hosts)
# data.dyn     the + and = lines of dynamic hosts, edited by tinydnsdyn
#
# tinydns-data writes data.tmp and renames it to data.cdb only when the
# whole file is good, so a broken data file never reaches tinydns.

data.cdb: data
	tinydns-data

data: data.static data.dyn
	cat data.static data.dyn > data.new
	mv data.new data

# To publish to secondaries running tinydns, add after tinydns-data:
#	rsync -az -e ssh data.cdb secondary1.example.com:/etc/tinydns/root/data.cdb
# BIND secondaries can fetch the zone by AXFR from axfrdns instead.
