# tinydnsdyn. The rules between BEGIN objects and END objects are made
# by ./makeobjects from the sources' #include lines: after adding,
# removing or renaming a .c, or changing what it includes, run
# ./makeobjects (./makeobjects --check says whether they are stale;
# tests/t-makeobjects.sh runs it). Don't edit them by hand.

SHELL=/bin/sh

default: it

it: tinydnsdyn tinydnsdyn-conf tinydnsdyn-passwd tinydnsdyn-host \
tinydnsdyn-status install instcheck

# the build scripts, made from conf-cc and conf-ld

compile: warn-auto.sh conf-cc
	( cat warn-auto.sh; \
	echo exec "`head -1 conf-cc`" '-c $${1+"$$@"}' \
	) > compile
	chmod 755 compile

load: warn-auto.sh conf-ld
	( cat warn-auto.sh; \
	echo 'main="$$1"; shift'; \
	echo exec "`head -1 conf-ld`" \
	'-o "$$main" "$$main".o $${1+"$$@"}' \
	) > load
	chmod 755 load

makelib: warn-auto.sh
	( cat warn-auto.sh; \
	echo 'main="$$1"; shift'; \
	echo 'rm -f "$$main"'; \
	echo 'ar cr "$$main" $${1+"$$@"}'; \
	echo 'ranlib "$$main"' \
	) > makelib
	chmod 755 makelib

# libraries

byte.a: makelib byte_chr.o byte_rchr.o byte_copy.o byte_diff.o byte_zero.o \
byte_equal_ct.o str_len.o str_diff.o str_start.o case_lowerb.o case_diffb.o \
fmt_ulong.o scan_ulong.o scan_xdigit.o
	./makelib byte.a byte_chr.o byte_rchr.o byte_copy.o byte_diff.o \
	byte_zero.o byte_equal_ct.o str_len.o str_diff.o str_start.o \
	case_lowerb.o case_diffb.o fmt_ulong.o scan_ulong.o scan_xdigit.o

alloc.a: makelib alloc.o stralloc_ready.o stralloc_cat.o stralloc_copy.o \
stralloc_catulong.o
	./makelib alloc.a alloc.o stralloc_ready.o stralloc_cat.o \
	stralloc_copy.o stralloc_catulong.o

buffer.a: makelib buffer.o buffer_get.o buffer_put.o buffer_unix.o \
buffer_1.o buffer_2.o getln.o strerr.o allwrite.o
	./makelib buffer.a buffer.o buffer_get.o buffer_put.o buffer_unix.o \
	buffer_1.o buffer_2.o getln.o strerr.o allwrite.o

unix.a: makelib deadline.o make_run.o child.o lock_wait.o rate_update.o datadir_name.o datadir_clean.o datadir_ours.o \
replace.o fd_std.o
	./makelib unix.a deadline.o make_run.o child.o lock_wait.o rate_update.o \
	datadir_name.o datadir_clean.o datadir_ours.o replace.o fd_std.o

dns.a: makelib ip4_scan.o ip4_fmt.o ip6_scan.o ip6_fmt.o ip6_data.o \
dnsname_fqdn.o cdb_hash.o cdb_init.o cdb_read.o cdb_find.o ptr_served.o
	./makelib dns.a ip4_scan.o ip4_fmt.o ip6_scan.o ip6_fmt.o ip6_data.o \
	dnsname_fqdn.o cdb_hash.o cdb_init.o cdb_read.o cdb_find.o ptr_served.o

http.a: makelib http_getrequest.o http_readmore.o http_parse.o \
http_respond.o urldecode.o base64_decode.o base64_fmt.o proxy_read.o \
proxy_parse.o \
http_param.o json_object.o json_get.o
	./makelib http.a http_getrequest.o http_readmore.o http_parse.o \
	http_respond.o urldecode.o base64_decode.o base64_fmt.o proxy_read.o \
	proxy_parse.o \
	http_param.o json_object.o json_get.o

auth.a: makelib auth_check.o auth_basic.o auth_allows.o auth_fail.o \
auth_verify.o crypt_apr1.o auth_flagword.o \
auth_onlyhost.o
	./makelib auth.a auth_check.o auth_basic.o auth_allows.o auth_fail.o \
	auth_verify.o crypt_apr1.o auth_flagword.o \
	auth_onlyhost.o

passwd.a: makelib passwd_entry.o passwd_write.o passwd_secret.o passwd_user.o
	./makelib passwd.a passwd_entry.o passwd_write.o passwd_secret.o passwd_user.o

status.a: makelib status_record.o status_parse.o hostline.o onchange_start.o
	./makelib status.a status_record.o status_parse.o hostline.o onchange_start.o

hash.a: makelib md5.o sha1.o
	./makelib hash.a md5.o sha1.o

dyn.a: makelib dyn_line.o dyn_pass.o dyn_copy.o dyn_update.o dyn_results.o dyn_state.o \
dyn_publish.o dyn_cleantemp.o dyn_touch.o dyn_abuse.o dyn_addr.o logline_safe.o logline_put.o \
dyn_txtscan.o dyn_txtline.o dyn_txtend.o dyn_code.o dyn_txn.o dyn_batch.o \
dyn_apply.o dyn_count.o dyn_spool.o dyn_prefix.o dyn_ptr.o dyn_list.o dyn_req.o
	./makelib dyn.a dyn_line.o dyn_pass.o dyn_copy.o dyn_update.o dyn_results.o dyn_state.o \
	dyn_publish.o dyn_cleantemp.o dyn_touch.o dyn_abuse.o dyn_addr.o logline_safe.o logline_put.o \
	dyn_txtscan.o dyn_txtline.o dyn_txtend.o dyn_code.o dyn_txn.o dyn_batch.o \
	dyn_apply.o dyn_count.o dyn_spool.o dyn_prefix.o dyn_ptr.o dyn_list.o dyn_req.o

# programs

tinydnsdyn: load tinydnsdyn.o status.a dyn.a auth.a hash.a http.a dns.a unix.a \
buffer.a alloc.a byte.a
	./load tinydnsdyn status.a dyn.a auth.a hash.a http.a dns.a unix.a buffer.a \
	alloc.a byte.a -lcrypt

tinydnsdyn-conf: load tinydnsdyn-conf.o auto_home.o auto_datamakefile.o \
dns.a unix.a buffer.a alloc.a byte.a
	./load tinydnsdyn-conf auto_home.o auto_datamakefile.o dns.a unix.a \
	buffer.a alloc.a byte.a

tinydnsdyn-passwd: load tinydnsdyn-passwd.o passwd.a dns.a unix.a buffer.a \
alloc.a byte.a
	./load tinydnsdyn-passwd passwd.a dns.a unix.a buffer.a alloc.a byte.a \
	-lcrypt

tinydnsdyn-host: load tinydnsdyn-host.o status.a dyn.a passwd.a dns.a \
unix.a buffer.a alloc.a byte.a
	./load tinydnsdyn-host status.a dyn.a passwd.a dns.a unix.a \
	buffer.a alloc.a byte.a -lcrypt

tinydnsdyn-status: load tinydnsdyn-status.o status.a dyn.a dns.a unix.a \
buffer.a alloc.a byte.a
	./load tinydnsdyn-status status.a dyn.a dns.a unix.a buffer.a \
	alloc.a byte.a

# conf-home, compiled in: auto_home.c is made by auto-str

auto-str: load auto-str.o buffer.a byte.a
	./load auto-str buffer.a byte.a

auto_home.c: auto-str conf-home
	./auto-str auto_home "`head -1 conf-home`" > auto_home.c

# auto_home.c is generated, so its object rule lives here, not below
auto_home.o: compile auto_home.c
	./compile auto_home.c

# the example data Makefile tinydnsdyn-conf installs: data.Makefile,
# compiled in (one copy of it)
auto_datamakefile.c: auto-str data.Makefile
	./auto-str auto_datamakefile < data.Makefile > auto_datamakefile.c

auto_datamakefile.o: compile auto_datamakefile.c
	./compile auto_datamakefile.c

# installing: hier.c says what goes where under conf-home; make setup
# check installs there and verifies the result

install: load install.o hier.o auto_home.o unix.a buffer.a alloc.a byte.a
	./load install hier.o auto_home.o unix.a buffer.a alloc.a byte.a

instcheck: load instcheck.o hier.o auto_home.o buffer.a alloc.a byte.a
	./load instcheck hier.o auto_home.o buffer.a alloc.a byte.a

setup: it
	./install

check: it
	./instcheck

# objects

# BEGIN objects
alloc.o: \
compile alloc.c alloc.h
	./compile alloc.c

allwrite.o: \
compile allwrite.c buffer.h
	./compile allwrite.c

auth_allows.o: \
compile auth_allows.c auth.h byte.h case.h dnsname.h stralloc.h
	./compile auth_allows.c

auth_basic.o: \
compile auth_basic.c auth.h base64.h byte.h case.h stralloc.h
	./compile auth_basic.c

auth_check.o: \
compile auth_check.c auth.h buffer.h byte.h getln.h stralloc.h
	./compile auth_check.c

auth_fail.o: \
compile auth_fail.c auth.h byte.h ip6.h lock.h rate.h str.h stralloc.h
	./compile auth_fail.c

auth_flagword.o: \
compile auth_flagword.c auth.h byte.h stralloc.h
	./compile auth_flagword.c

auth_onlyhost.o: \
compile auth_onlyhost.c auth.h byte.h dnsname.h stralloc.h
	./compile auth_onlyhost.c

auth_verify.o: \
compile auth_verify.c auth.h base64.h byte.h crypt_apr1.h sha1.h str.h stralloc.h
	./compile auth_verify.c

auto-str.o: \
compile auto-str.c buffer.h strerr.h
	./compile auto-str.c

base64_decode.o: \
compile base64_decode.c base64.h stralloc.h
	./compile base64_decode.c

base64_fmt.o: \
compile base64_fmt.c base64.h stralloc.h
	./compile base64_fmt.c

buffer.o: \
compile buffer.c buffer.h
	./compile buffer.c

buffer_1.o: \
compile buffer_1.c buffer.h
	./compile buffer_1.c

buffer_2.o: \
compile buffer_2.c buffer.h
	./compile buffer_2.c

buffer_get.o: \
compile buffer_get.c buffer.h
	./compile buffer_get.c

buffer_put.o: \
compile buffer_put.c buffer.h byte.h str.h
	./compile buffer_put.c

buffer_unix.o: \
compile buffer_unix.c buffer.h
	./compile buffer_unix.c

byte_chr.o: \
compile byte_chr.c byte.h
	./compile byte_chr.c

byte_copy.o: \
compile byte_copy.c byte.h
	./compile byte_copy.c

byte_diff.o: \
compile byte_diff.c byte.h
	./compile byte_diff.c

byte_equal_ct.o: \
compile byte_equal_ct.c byte.h
	./compile byte_equal_ct.c

byte_rchr.o: \
compile byte_rchr.c byte.h
	./compile byte_rchr.c

byte_zero.o: \
compile byte_zero.c byte.h
	./compile byte_zero.c

case_diffb.o: \
compile case_diffb.c case.h
	./compile case_diffb.c

case_lowerb.o: \
compile case_lowerb.c case.h
	./compile case_lowerb.c

cdb_find.o: \
compile cdb_find.c byte.h cdb.h
	./compile cdb_find.c

cdb_hash.o: \
compile cdb_hash.c cdb.h
	./compile cdb_hash.c

cdb_init.o: \
compile cdb_init.c cdb.h
	./compile cdb_init.c

cdb_read.o: \
compile cdb_read.c cdb.h
	./compile cdb_read.c

child.o: \
compile child.c child.h
	./compile child.c

crypt_apr1.o: \
compile crypt_apr1.c byte.h crypt_apr1.h md5.h
	./compile crypt_apr1.c

datadir_clean.o: \
compile datadir_clean.c datadir.h str.h stralloc.h
	./compile datadir_clean.c

datadir_name.o: \
compile datadir_name.c datadir.h str.h stralloc.h
	./compile datadir_name.c

datadir_ours.o: \
compile datadir_ours.c datadir.h str.h stralloc.h
	./compile datadir_ours.c

deadline.o: \
compile deadline.c deadline.h
	./compile deadline.c

dnsname_fqdn.o: \
compile dnsname_fqdn.c case.h dnsname.h stralloc.h
	./compile dnsname_fqdn.c

dyn_abuse.o: \
compile dyn_abuse.c alloc.h byte.h datadir.h dyn.h ip4.h ip6.h rate.h replace.h stralloc.h
	./compile dyn_abuse.c

dyn_addr.o: \
compile dyn_addr.c byte.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_addr.c

dyn_apply.o: \
compile dyn_apply.c deadline.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_apply.c

dyn_batch.o: \
compile dyn_batch.c alloc.h byte.h case.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_batch.c

dyn_cleantemp.o: \
compile dyn_cleantemp.c datadir.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_cleantemp.c

dyn_code.o: \
compile dyn_code.c byte.h dyn.h ip4.h ip6.h replace.h str.h stralloc.h
	./compile dyn_code.c

dyn_copy.o: \
compile dyn_copy.c alloc.h buffer.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_copy.c

dyn_count.o: \
compile dyn_count.c dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_count.c

dyn_line.o: \
compile dyn_line.c byte.h case.h dnsname.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_line.c

dyn_list.o: \
compile dyn_list.c byte.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_list.c

dyn_pass.o: \
compile dyn_pass.c byte.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_pass.c

dyn_prefix.o: \
compile dyn_prefix.c byte.h dyn.h fmt.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_prefix.c

dyn_ptr.o: \
compile dyn_ptr.c byte.h dyn.h ip4.h ip6.h ptr.h replace.h stralloc.h
	./compile dyn_ptr.c

dyn_publish.o: \
compile dyn_publish.c datadir.h deadline.h dyn.h ip4.h ip6.h lock.h make_run.h replace.h stralloc.h
	./compile dyn_publish.c

dyn_req.o: \
compile dyn_req.c alloc.h byte.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_req.c

dyn_results.o: \
compile dyn_results.c byte.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_results.c

dyn_spool.o: \
compile dyn_spool.c alloc.h buffer.h byte.h datadir.h dnsname.h dyn.h fmt.h ip4.h ip6.h replace.h scan.h str.h stralloc.h
	./compile dyn_spool.c

dyn_state.o: \
compile dyn_state.c datadir.h dyn.h fmt.h ip4.h ip6.h replace.h scan.h stralloc.h
	./compile dyn_state.c

dyn_touch.o: \
compile dyn_touch.c datadir.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_touch.c

dyn_txn.o: \
compile dyn_txn.c datadir.h dyn.h ip4.h ip6.h lock.h replace.h stralloc.h
	./compile dyn_txn.c

dyn_txtend.o: \
compile dyn_txtend.c dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_txtend.c

dyn_txtline.o: \
compile dyn_txtline.c byte.h case.h dnsname.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_txtline.c

dyn_txtscan.o: \
compile dyn_txtscan.c byte.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_txtscan.c

dyn_update.o: \
compile dyn_update.c alloc.h byte.h deadline.h dyn.h ip4.h ip6.h replace.h stralloc.h
	./compile dyn_update.c

fd_std.o: \
compile fd_std.c fd.h
	./compile fd_std.c

fmt_ulong.o: \
compile fmt_ulong.c fmt.h
	./compile fmt_ulong.c

getln.o: \
compile getln.c buffer.h byte.h getln.h stralloc.h
	./compile getln.c

hier.o: \
compile hier.c auto_home.h hier.h
	./compile hier.c

hostline.o: \
compile hostline.c byte.h dnsname.h dyn.h hostline.h ip4.h ip6.h replace.h stralloc.h
	./compile hostline.c

http_getrequest.o: \
compile http_getrequest.c byte.h http.h stralloc.h
	./compile http_getrequest.c

http_param.o: \
compile http_param.c byte.h case.h http.h str.h stralloc.h urldecode.h
	./compile http_param.c

http_parse.o: \
compile http_parse.c byte.h case.h http.h str.h stralloc.h
	./compile http_parse.c

http_readmore.o: \
compile http_readmore.c deadline.h http.h stralloc.h
	./compile http_readmore.c

http_respond.o: \
compile http_respond.c buffer.h deadline.h fmt.h http.h stralloc.h
	./compile http_respond.c

install.o: \
compile install.c buffer.h hier.h replace.h stralloc.h strerr.h
	./compile install.c

instcheck.o: \
compile instcheck.c buffer.h byte.h hier.h stralloc.h strerr.h
	./compile instcheck.c

ip4_fmt.o: \
compile ip4_fmt.c fmt.h ip4.h
	./compile ip4_fmt.c

ip4_scan.o: \
compile ip4_scan.c ip4.h
	./compile ip4_scan.c

ip6_data.o: \
compile ip6_data.c ip6.h scan.h
	./compile ip6_data.c

ip6_fmt.o: \
compile ip6_fmt.c byte.h ip4.h ip6.h
	./compile ip6_fmt.c

ip6_scan.o: \
compile ip6_scan.c byte.h ip4.h ip6.h scan.h
	./compile ip6_scan.c

json_get.o: \
compile json_get.c case.h json.h str.h
	./compile json_get.c

json_object.o: \
compile json_object.c case.h json.h
	./compile json_object.c

lock_wait.o: \
compile lock_wait.c lock.h
	./compile lock_wait.c

logline_put.o: \
compile logline_put.c buffer.h logline.h str.h stralloc.h
	./compile logline_put.c

logline_safe.o: \
compile logline_safe.c logline.h stralloc.h
	./compile logline_safe.c

make_run.o: \
compile make_run.c child.h make_run.h
	./compile make_run.c

md5.o: \
compile md5.c byte.h md5.h
	./compile md5.c

onchange_start.o: \
compile onchange_start.c buffer.h byte.h child.h dyn.h ip4.h ip6.h onchange.h replace.h str.h stralloc.h strerr.h
	./compile onchange_start.c

passwd_entry.o: \
compile passwd_entry.c byte.h passwd.h replace.h stralloc.h
	./compile passwd_entry.c

passwd_secret.o: \
compile passwd_secret.c byte.h passwd.h replace.h stralloc.h
	./compile passwd_secret.c

passwd_user.o: \
compile passwd_user.c auth.h passwd.h replace.h stralloc.h
	./compile passwd_user.c

passwd_write.o: \
compile passwd_write.c buffer.h byte.h getln.h passwd.h replace.h stralloc.h
	./compile passwd_write.c

proxy_parse.o: \
compile proxy_parse.c byte.h ip4.h ip6.h proxy.h
	./compile proxy_parse.c

proxy_read.o: \
compile proxy_read.c http.h ip6.h proxy.h stralloc.h
	./compile proxy_read.c

ptr_served.o: \
compile ptr_served.c byte.h cdb.h ptr.h
	./compile ptr_served.c

rate_update.o: \
compile rate_update.c buffer.h byte.h getln.h rate.h replace.h scan.h stralloc.h
	./compile rate_update.c

replace.o: \
compile replace.c byte.h datadir.h replace.h str.h stralloc.h
	./compile replace.c

scan_ulong.o: \
compile scan_ulong.c scan.h
	./compile scan_ulong.c

scan_xdigit.o: \
compile scan_xdigit.c scan.h
	./compile scan_xdigit.c

sha1.o: \
compile sha1.c byte.h sha1.h
	./compile sha1.c

status_parse.o: \
compile status_parse.c byte.h dyn.h fmt.h ip4.h ip6.h replace.h scan.h status.h str.h stralloc.h
	./compile status_parse.c

status_record.o: \
compile status_record.c alloc.h buffer.h byte.h case.h datadir.h dyn.h getln.h ip4.h ip6.h lock.h replace.h status.h stralloc.h
	./compile status_record.c

str_diff.o: \
compile str_diff.c str.h
	./compile str_diff.c

str_len.o: \
compile str_len.c str.h
	./compile str_len.c

str_start.o: \
compile str_start.c str.h
	./compile str_start.c

stralloc_cat.o: \
compile stralloc_cat.c byte.h str.h stralloc.h
	./compile stralloc_cat.c

stralloc_catulong.o: \
compile stralloc_catulong.c fmt.h stralloc.h
	./compile stralloc_catulong.c

stralloc_copy.o: \
compile stralloc_copy.c byte.h str.h stralloc.h
	./compile stralloc_copy.c

stralloc_ready.o: \
compile stralloc_ready.c alloc.h stralloc.h
	./compile stralloc_ready.c

strerr.o: \
compile strerr.c buffer.h strerr.h
	./compile strerr.c

tinydnsdyn-conf.o: \
compile tinydnsdyn-conf.c auto_datamakefile.h auto_home.h buffer.h byte.h datadir.h ip4.h ip6.h make_run.h scan.h str.h stralloc.h strerr.h
	./compile tinydnsdyn-conf.c

tinydnsdyn-host.o: \
compile tinydnsdyn-host.c auth.h buffer.h byte.h datadir.h deadline.h dnsname.h dyn.h fd.h hostline.h ip4.h ip6.h lock.h passwd.h replace.h scan.h status.h str.h stralloc.h strerr.h
	./compile tinydnsdyn-host.c

tinydnsdyn-passwd.o: \
compile tinydnsdyn-passwd.c auth.h buffer.h byte.h dnsname.h fd.h getln.h passwd.h replace.h str.h stralloc.h strerr.h
	./compile tinydnsdyn-passwd.c

tinydnsdyn-status.o: \
compile tinydnsdyn-status.c buffer.h byte.h datadir.h dyn.h getln.h hostline.h ip4.h ip6.h lock.h replace.h scan.h status.h str.h stralloc.h strerr.h
	./compile tinydnsdyn-status.c

tinydnsdyn.o: \
compile tinydnsdyn.c auth.h buffer.h byte.h case.h datadir.h deadline.h dnsname.h dyn.h fd.h http.h ip4.h ip6.h json.h logline.h onchange.h proxy.h replace.h scan.h status.h str.h stralloc.h strerr.h
	./compile tinydnsdyn.c

urldecode.o: \
compile urldecode.c scan.h stralloc.h urldecode.h
	./compile urldecode.c
# END objects

# tests and the rest

# the Debian packages: everything, tests included (deps); what make demo
# needs (deps-demo); only what building and running needs, for a server
# (deps-run); that and what make deb needs (deps-deb). See deps.sh.
.PHONY: deps deps-demo deps-run deps-deb
deps:
	./deps.sh

deps-demo:
	./deps.sh demo

deps-run:
	./deps.sh run

deps-deb:
	./deps.sh deb

demo: it
	./demo.sh

# everything CI runs: short fuzzing, the suite under ASan+UBSan and
# valgrind, then the suite itself (its last line: N passed, N failed)
test: it
	FUZZTIME=$${FUZZTIME-30} ./fuzz.sh
	./sanitize.sh
	./tests/run

# the suite alone
quicktest: it
	./tests/run

# figures, not tests; bench/bench.sh builds its own tools (bench/*.c)
bench: it
	./bench/bench.sh

# the Debian package, built by dpkg-buildpackage in a temp copy (deb.sh)
deb:
	./deb.sh

# libFuzzer harnesses, FUZZTIME seconds each (default 60), built in a temp
# dir; phony, since fuzz/ holds the seeds
.PHONY: fuzz sanitize test quicktest bench deb
fuzz:
	./fuzz.sh

# tests/run on an ASan+UBSan build in a temp copy, then valgrind
sanitize:
	./sanitize.sh

clean:
	rm -f `cat TARGETS`
