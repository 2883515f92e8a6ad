#!/bin/sh
# End to end on odd streams: no crash, bounded time and memory, an error
# record where a document cannot be read, and the batch goes on.
#   empty input; a doc without text; a report whose figures are only in
#   sentences (no_template that says so); a table printed twice; the same
#   doc record twice; 10 000 cells of junk; more cells than gk reads; 1500
#   pages without a template (more than wait at once); records of a doc
#   never announced; a malformed line.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
tx() {	# name: run the transform on $t/name.in
	"$bin/gk-transform" <"$t/$1.in" >"$t/$1.out" 2>"$t/$1.err"
	echo $? >"$t/$1.rc"
	[ "$(cat "$t/$1.rc")" -le 1 ] || fail "$1: exit $(cat "$t/$1.rc"): $(tail -3 "$t/$1.err")"
}
rc() { cat "$t/$1.rc"; }
count() { grep -c "$2" "$t/$1.out"; }
doc() {	# id page
	printf 'doc\t%s\t%s\t%s\t/x\t-\t1\thtml\t\t\t\t\tnew\n' "$1" "$2" "$2"
}

: >"$t/empty.in"
tx empty
[ "$(rc empty)" = 0 ] && [ ! -s "$t/empty.out" ] || fail "empty input: $(cat "$t/empty.out")"

doc void file:///x/void.html >"$t/void.in"
tx void
[ "$(rc void)" = 1 ] || fail "void: exit $(rc void)"
grep -q "$(printf '^error\tvoid\ttransform\tno_template\tno text at all')" "$t/void.out" ||
    fail "void: $(cat "$t/void.out")"

{
	doc prose file:///x/prose.html
	printf 'para\tprose\t1\t某局2020年政府信息公开工作年度报告\t\n'
	printf 'para\tprose\t2\t一、总体情况\t\n'
	printf 'para\tprose\t3\t2020年，本局主动公开政府信息126条，全年收到政府信息公开申请12件，其中予以公开8件，不予公开1件，结转下年度继续办理3件。\t\n'
	printf 'para\tprose\t4\t全年未发生政府信息公开行政复议、行政诉讼。\t\n'
} >"$t/prose.in"
tx prose
[ "$(rc prose)" = 1 ] || fail "prose: exit $(rc prose)"
grep -q "$(printf '^error\tprose\ttransform\tno_template\tthe figures are only in sentences')" \
    "$t/prose.out" || fail "prose: $(cat "$t/prose.out")"
[ "$(count prose '^metric')" = 0 ] || fail "prose: metrics from sentences"

"$bin/gk-fetch" tests/corpus/docs/002_76275f96720f379e.html | "$bin/gk-extract" >"$t/seed" ||
    fail "extract seed 002"
# the whole table printed twice (the second copy after the first)
awk -F'\t' -v OFS='\t' '{ print } $1 == "para" || $1 == "cell" { $3 += 100000; print > "'"$t/copy"'" }' \
    "$t/seed" >"$t/twice.in"
cat "$t/copy" >>"$t/twice.in"
tx twice
[ "$(count twice '^report')" = 1 ] || fail "twice: want one report"
[ "$(count twice '^metric')" = 198 ] || fail "twice: want 198 metrics, got $(count twice '^metric')"
[ "$(count twice "$(printf '^check\t[^\t]*\ttemplate_shape\t[^\t]*\t1\t2\t')")" = 198 ] ||
    fail "twice: want 198 keys found twice"
# the same doc record twice: the second holds the content
{ head -1 "$t/seed"; cat "$t/seed"; } >"$t/dupdoc.in"
tx dupdoc
[ "$(count dupdoc '^report')" = 1 ] || fail "dupdoc: want one report"

awk 'BEGIN { srand(7); printf "doc\tjunk\tfile:///j.html\tfile:///j.html\t/x\t-\t1\thtml\t\t\t\t\tnew\n";
    for (i = 1; i <= 10000; i++) { s = ""; n = 1 + int(rand() * 12);
        for (k = 0; k < n; k++) s = s substr("规章行政许可处罚（一）1.其他总计申请予以公开0123456789", 1 + int(rand() * 40), 1);
        printf "cell\tjunk\t%d\t1\t%d\t%d\t1\t1\t%s\t\n", i, int(i / 10), i % 10, s } }' >"$t/junk.in"
tx junk
[ "$(count junk "$(printf '^error\tjunk\ttransform\tno_template\t')")" = 1 ] ||
    [ "$(count junk '^report')" = 1 ] || fail "junk: neither a report nor no_template"

awk 'BEGIN { printf "doc\tbig\tfile:///b.html\tfile:///b.html\t/x\t-\t1\thtml\t\t\t\t\tnew\n";
    for (i = 1; i <= 200005; i++) printf "cell\tbig\t%d\t1\t%d\t0\t1\t1\tx%d\t\n", i, i, i }' >"$t/big.in"
tx big
[ "$(count big "$(printf '^error\tbig\ttransform\ttoo_many\t')")" = 1 ] || fail "big: want one too_many"
[ "$(rc big)" = 1 ] || fail "big: exit $(rc big)"

awk 'BEGIN { for (i = 1; i <= 1500; i++) {
    printf "doc\tn%d\tfile:///n/%d.html\tfile:///n/%d.html\t/x\t-\t1\thtml\t\t\t\t\tnew\n", i, i, i;
    printf "para\tn%d\t1\t关于开展第%d次培训的通知\t\n", i, i } }' >"$t/many.in"
tx many
[ "$(count many "$(printf '^error\tn[0-9]*\ttransform\tno_template\t')")" = 1500 ] ||
    fail "many: want 1500 no_template errors"
[ "$(awk -F'\t' '$1 == "error" { print $2 }' "$t/many.out" | sort -u | wc -l)" = 1500 ] ||
    fail "many: an error twice"

{
	printf 'cell\tghost\t1\t1\t0\t0\t1\t1\t规章\t\n'
	printf 'para\tbroken\n'
	cat "$t/seed"
} >"$t/ghost.in"
tx ghost
[ "$(count ghost '^report')" = 1 ] || fail "ghost: the good document after it lost"
grep -q "$(printf '^error\t\ttransform\tbad_record\t')" "$t/ghost.out" || fail "ghost: no bad_record"
echo ok
