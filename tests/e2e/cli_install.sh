#!/bin/sh
# make install into a temporary DESTDIR: the programs, gk-harvest, the
# manuals and the config files land where they should; the manuals open
# with man; the installed chain runs from another folder (no ./config
# there) and loads a report; make uninstall takes every file away again.
set -u
command -v make >/dev/null || { echo "make is not installed"; exit 77; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
unset MAKEFLAGS MFLAGS MAKELEVEL
top=$PWD
seed=$top/tests/corpus/docs/000_0e252554ad65cb5c
make -s --no-print-directory install DESTDIR="$t/root" >"$t/log" 2>&1 || { cat "$t/log"; fail "make install"; }
p=$t/root/usr/local
for f in bin/gk-fetch bin/gk-extract bin/gk-transform bin/gk-load bin/gk-harvest; do
	[ -x "$p/$f" ] || fail "$f not installed"
done
for f in gk-fetch gk-extract gk-transform gk-load gk-harvest; do
	[ -f "$p/share/man/man1/$f.1" ] || fail "$f.1 not installed"
	MANWIDTH=80 man -l "$p/share/man/man1/$f.1" 2>/dev/null | grep -q "^NAME" || fail "man -l $f.1"
	[ "$("$p/bin/$f" --version)" = "$f (gk) $(cat VERSION)" ] || fail "$f --version from the installed copy"
done
MANPATH=$p/share/man man -w gk-harvest >/dev/null 2>&1 || fail "man gk-harvest (by name) finds no page under MANPATH"
for f in qingdao.conf agency-aliases.tsv; do
	cmp -s "config/$f" "$p/share/gk/$f" || fail "share/gk/$f not installed"
done

# The installed chain, run from a folder without config/.
mkdir "$t/work"
cd "$t/work" || exit 1
"$p/bin/gk-fetch" "$seed.html" | "$p/bin/gk-extract" | "$p/bin/gk-transform" | "$p/bin/gk-load" data ||
    fail "the installed chain"
[ "$(awk 'FNR > 1' data/reports/*.tsv | wc -l)" -eq 1 ] || fail "the installed chain loaded no report"
env -u GK_BIN "$p/bin/gk-harvest" -d h -- "$seed.html" || { cat h/harvest.log; fail "the installed gk-harvest"; }
[ "$(awk 'FNR > 1' h/reports/*.tsv | wc -l)" -eq 1 ] || fail "the installed gk-harvest loaded no report"
cd "$top" || exit 1

make -s --no-print-directory uninstall DESTDIR="$t/root" >"$t/log" 2>&1 || { cat "$t/log"; fail "make uninstall"; }
left=$(find "$t/root" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "installed: 5 programs, 5 manuals, config; ran from there; uninstalled"
