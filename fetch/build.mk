# gk-fetch: libcurl for HTTP, libxml2 for links in pages
fetch_PKGS := libcurl:libcurl4-openssl-dev libxml-2.0:libxml2-dev
# The built-in defaults are config/qingdao.conf and config/agencies.tsv,
# compiled into conf.o: the shipped file and the program cannot differ.
fetch_CFLAGS = -I$(O)/gen
# (the Makefile's `all` stays the default goal, though this rule comes first)
.DEFAULT_GOAL := all
$(O)/gen/fetch_builtin.h: config/qingdao.conf config/agencies.tsv fetch/embed.sh
	@mkdir -p $(@D)
	sh fetch/embed.sh gk_builtin_conf config/qingdao.conf \
	    gk_builtin_agencies config/agencies.tsv >$@.tmp && mv $@.tmp $@
$(O)/fetch/conf.o: $(O)/gen/fetch_builtin.h
