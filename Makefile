# gk: four programs (fetch, extract, transform, load) over one small shared
# library (common/).  Each stage folder holds its main.c, the rest of its
# code, build.mk (its libraries) and debian-packages (what the build needs).
#
#   make            build bin/gk-*
#   make test       unit tests and end-to-end tests
#   make check      make test, then the same tests in an ASan+UBSan build
#   make demo       the whole chain over the bundled local mirror into data/
#   make harvest    the whole chain for cron (load/gk-harvest.sh) into data/
#   make install    programs, manuals and config under PREFIX (DESTDIR too)
#   make uninstall  remove what make install put there
#   make deps       install the Debian packages (as root)
#   make bench      speed and memory beside peer tools
#   make bench-load its gk-load rows alone (BENCH_LOAD="10000 100000")
#   make fuzz       every libFuzzer harness for FUZZ_SECONDS (clang; tests/fuzz)
#   make matrix     the producer matrix: make, read and score it (SEED=N: a holdout)
#   make hostile    gk-fetch against the hostile servers with the shipped limits (minutes)

CC ?= cc
OPT ?= -O2 -g
PREFIX ?= /usr/local
BINDIR_INST = $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/gk
STAGES := fetch extract transform load

ifeq ($(FUZZ),1)
# make fuzz: every library built for libFuzzer (clang), ASan and UBSan
CC := clang
O := build/fuzz
BINDIR := build/fuzz/bin
SANFLAGS := -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1 -g
else ifeq ($(SAN),1)
O := build/san
BINDIR := build/san/bin
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1 -g
else
O := build/std
BINDIR := bin
SANFLAGS :=
endif

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
ALLCFLAGS = -std=c11 -D_GNU_SOURCE -I. $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
ALLLDFLAGS = $(SANFLAGS) $(LDFLAGS)

# pkg-config name : Debian package that provides it
common_PKGS := libcrypto:libssl-dev libutf8proc:libutf8proc-dev
cmocka_PKGS := cmocka:libcmocka-dev
-include $(foreach s,$(STAGES),$(s)/build.mk)

pkgname = $(firstword $(subst :, ,$(1)))
debname = $(lastword $(subst :, ,$(1)))
pkgnames = $(foreach p,$($(1)_PKGS),$(call pkgname,$(p)))
# S_HDR_PKGS: libraries whose headers S compiles against but does not link
# (extract loads Tesseract with dlopen).
hdrnames = $(foreach p,$($(1)_HDR_PKGS),$(call pkgname,$(p)))
pkgcflags = $(if $($(1)_PKGS)$($(1)_HDR_PKGS),$(shell pkg-config --cflags $(call pkgnames,$(1)) $(call hdrnames,$(1)) 2>/dev/null)) $($(1)_CFLAGS)
pkglibs = $(if $($(1)_PKGS),$(shell pkg-config --libs $(call pkgnames,$(1)) 2>/dev/null)) $($(1)_LIBS)

# A missing library stops the build with one line naming its Debian package.
NOCHECK_GOALS := deps bench-deps matrix-deps clean distclean
ifneq ($(filter-out $(NOCHECK_GOALS),$(or $(MAKECMDGOALS),all)),)
ifeq ($(shell command -v pkg-config),)
$(error pkg-config not found: install the Debian package pkg-config (make deps))
endif
$(foreach p,$(common_PKGS) $(cmocka_PKGS) $(foreach s,$(STAGES),$($(s)_PKGS) $($(s)_HDR_PKGS)),\
  $(if $(shell pkg-config --exists $(call pkgname,$(p)) && echo y),,\
    $(error $(call pkgname,$(p)) not found: install the Debian package $(call debname,$(p)) (make deps))))
endif

PROGS := $(foreach s,$(STAGES),$(BINDIR)/gk-$(s))
SCRIPTS := $(BINDIR)/gk-harvest

all: $(PROGS) $(SCRIPTS)

# gk-harvest: the shell script with the version put in.
$(BINDIR)/gk-harvest: load/gk-harvest.sh VERSION $(O)/datadir.stamp
	@mkdir -p $(@D)
	sed -e 's|@GK_VERSION@|$(GK_VERSION)|' -e 's|@GK_DATADIR@|$(DATADIR)|' \
	    load/gk-harvest.sh >$@.tmp
	chmod 755 $@.tmp && mv $@.tmp $@

# common/: the stream code, logging, buffers, limits shared by every stage
common_SRC := $(wildcard common/*.c)
common_OBJ := $(patsubst %.c,$(O)/%.o,$(common_SRC))
$(O)/common/%.o: common/%.c
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) $(call pkgcflags,common) -MMD -MP -c $< -o $@
# The version, from one place: VERSION, baked into common/cli.o with the
# folder of the installed config files (DATADIR); the stamp changes when
# DATADIR does, so that cli.o is built again.
GK_VERSION := $(shell cat VERSION)
$(O)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(O)/common/cli.o: VERSION $(O)/datadir.stamp
$(O)/common/cli.o: ALLCFLAGS += -DGK_VERSION='"$(GK_VERSION)"' -DGK_DATADIR='"$(DATADIR)"'
$(O)/libcommon.a: $(common_OBJ)
	@rm -f $@
	ar rcs $@ $^

define stage_rules
$(1)_SRC := $$(filter-out $(1)/main.c,$$(wildcard $(1)/*.c $(1)/*/*.c))
$(1)_OBJ := $$(patsubst %.c,$(O)/%.o,$$($(1)_SRC))
$(O)/$(1)/%.o: $(1)/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(ALLCFLAGS) $$(call pkgcflags,$(1)) -MMD -MP -c $$< -o $$@
$(O)/lib$(1).a: $$($(1)_OBJ) $(O)/libcommon.a
	@rm -f $$@
	ar rcs $$@ $$($(1)_OBJ)
$(BINDIR)/gk-$(1): $(O)/$(1)/main.o $(O)/lib$(1).a $(O)/libcommon.a
	@mkdir -p $$(@D)
	$$(CC) $$(ALLLDFLAGS) -o $$@ $(O)/$(1)/main.o $(O)/lib$(1).a $(O)/libcommon.a $$(call pkglibs,$(1)) $$(call pkglibs,common)
endef
$(foreach s,$(STAGES),$(eval $(call stage_rules,$(s))))

# Unit tests: tests/unit/test_<area>_<behaviour>.c, one cmocka binary each,
# linked with its area's library (area = common or a stage).
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(O)/tests/%,$(UNIT_SRC))
area = $(word 2,$(subst _, ,$(1)))
arealib = $(if $(filter common,$(call area,$(1))),,$(O)/lib$(call area,$(1)).a) $(O)/libcommon.a
.SECONDEXPANSION:
$(O)/tests/%: tests/unit/%.c $$(call arealib,$$*)
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) -MMD -MP $(call pkgcflags,cmocka) $(call pkgcflags,$(call area,$*)) $(call pkgcflags,common) \
	  -o $@ $< $(call arealib,$*) $(call pkglibs,$(call area,$*)) $(call pkglibs,common) $(call pkglibs,cmocka) $(ALLLDFLAGS)

# Fuzz harnesses: tests/fuzz/fuzz_<area>_<what>.c, one parser each.  make
# test links each with tests/fuzz/replay.c and replays its seeds and every
# input that once crashed it (tests/fuzz/regress/); make fuzz links each
# with libFuzzer and runs it FUZZ_SECONDS (tests/fuzz/run.sh).
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(FUZZ_SRC))
REPLAY_BIN := $(patsubst %,$(O)/fuzz/replay_%,$(FUZZ_NAMES))
FUZZ_BIN := $(patsubst %,$(O)/fuzz/fuzz_%,$(FUZZ_NAMES))
farea = $(word 1,$(subst _, ,$(1)))
farealib = $(if $(filter common,$(call farea,$(1))),,$(O)/lib$(call farea,$(1)).a) $(O)/libcommon.a
fuzzflags = $(call pkgcflags,$(call farea,$(1))) $(call pkgcflags,common)
fuzzlibs = $(call farealib,$(1)) $(call pkglibs,$(call farea,$(1))) $(call pkglibs,common)
$(O)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $$(call farealib,$$*)
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) -MMD -MP $(call fuzzflags,$*) -o $@ $< tests/fuzz/replay.c \
	  $(call fuzzlibs,$*) $(ALLLDFLAGS)
$(O)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $$(call farealib,$$*)
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) -fsanitize=fuzzer $(call fuzzflags,$*) -o $@ $< \
	  $(call fuzzlibs,$*) $(ALLLDFLAGS) -fsanitize=fuzzer

test: $(PROGS) $(SCRIPTS) $(UNIT_BIN) $(REPLAY_BIN)
	@GK_BIN=$(BINDIR) GK_UNIT=$(O)/tests GK_FUZZ=$(O)/fuzz sh tests/run.sh

FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 2
fuzz-bins: $(FUZZ_BIN)
fuzz:
	$(MAKE) FUZZ=1 fuzz-bins
	sh tests/fuzz/run.sh build/fuzz/fuzz $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_NAMES)

check:
	$(MAKE) test
	$(MAKE) test SAN=1

# The whole chain for cron: crawl, extract, transform, load into data/.
harvest: $(PROGS)
	GK_BIN=$(BINDIR) sh load/gk-harvest.sh -d data

demo: $(PROGS)
	sh tests/demo.sh $(BINDIR) data

bench: $(PROGS)
	nice -n 10 sh tests/bench.sh $(BINDIR)

# the gk-load rows of make bench alone (BENCH_LOAD="10000 100000")
bench-load: $(PROGS)
	nice -n 10 sh tests/bench/load.sh $(BINDIR)

# tests/e2e/fetch_hostile.sh with the shipped limits and a 1 GiB gzip bomb
hostile: $(PROGS)
	HOSTILE_LONG=1 GK_BIN=$(BINDIR) sh tests/e2e/fetch_hostile.sh

# The programs, their manuals, and the config files they fall back on
# when ./config has none (common/cli.c, gk-harvest).
MANS := $(foreach s,$(STAGES),$(s)/gk-$(s).1) load/gk-harvest.1
CONFIGS := $(wildcard config/*.conf config/*.tsv)
install: $(PROGS) $(SCRIPTS)
	install -d $(DESTDIR)$(BINDIR_INST) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 $(PROGS) $(SCRIPTS) $(DESTDIR)$(BINDIR_INST)
	install -m 644 $(MANS) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(CONFIGS) $(DESTDIR)$(DATADIR)

uninstall:
	rm -f $(foreach p,$(PROGS) $(SCRIPTS),$(DESTDIR)$(BINDIR_INST)/$(notdir $(p)))
	rm -f $(foreach m,$(MANS),$(DESTDIR)$(MANDIR)/man1/$(notdir $(m)))
	rm -f $(foreach c,$(CONFIGS),$(DESTDIR)$(DATADIR)/$(notdir $(c)))
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null || true

deps:
	sh tests/install-deps.sh

bench-deps:
	sh tests/install-deps.sh tests/bench/debian-packages

# The producer matrix (tests/matrix/README.md): the reports printed by every
# PDF producer of Debian 12, ruled / unruled / one <p> per cell, A4 / Letter /
# landscape, and scanned; build/matrix/results.tsv and table.txt.  SEED=N
# makes a holdout (new reports, other fonts) in build/matrix-N.  The files
# are kept by the hash of their input in build/matrix-cache.
SEED ?=
matrix: $(PROGS)
	nice -n 10 /usr/bin/python3 tests/matrix/matrix.py --bin $(BINDIR) $(if $(SEED),--seed $(SEED)) all

# Remake the committed sample tests/matrix/sample/ and its expected.tsv.
matrix-sample: $(PROGS)
	nice -n 10 /usr/bin/python3 tests/matrix/matrix.py --bin $(BINDIR) sample

matrix-deps:
	sh tests/install-deps.sh tests/matrix/debian-packages

clean:
	rm -rf build bin

FORCE:
.PHONY: all test check demo bench bench-load bench-deps deps clean harvest fuzz fuzz-bins hostile install uninstall FORCE matrix matrix-sample matrix-deps
-include $(shell find build -name '*.d' 2>/dev/null)
