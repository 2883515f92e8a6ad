#!/bin/sh
# End to end: a report published only as a file.  Its page holds a title,
# 发布日期, 来源 and a 附件 link, no tables; the attachment (seed 001's .docx)
# holds the tables.  No error may come for the page, whether the attachment
# arrives right after it, later (another report between: a crawl that split
# the group) or before it; the report keeps the page's title and date.  A
# page whose attachment never comes is the one no_template error.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
pg=file:///site/ndbg/202101/t20210120_1.shtml
title=青岛市人民政府国有资产监督管理委员会2020年政府信息公开工作年度报告

# (the streams are put together by hand, as a crawl would give them and
# worse: without gk-fetch's group records, which would end a report)
"$bin/gk-fetch" tests/corpus/docs/001_967186fe634bba4e.docx | grep -v '^group' |
    "$bin/gk-extract" >"$t/docx" || fail "extract 001.docx"
"$bin/gk-fetch" tests/corpus/docs/002_76275f96720f379e.html | grep -v '^group' |
    "$bin/gk-extract" >"$t/other" || fail "extract 002.html"
att=$(awk -F'\t' '$1 == "doc" { print $2; exit }' "$t/docx")
# the attachment as a crawl gives it: PAGE is the report page, and no
# title or date of its own
awk -F'\t' -v OFS='\t' -v pg="$pg" '$1 == "doc" { $4 = pg; $9 = ""; $10 = "";
    $11 = "" } { print }' "$t/docx" >"$t/att"
{
	printf 'doc\tpage01\t%s\t%s\t/x\t-\t1\thtml\t%s\t\t\t\tnew\n' "$pg" "$pg" "$title"
	printf 'para\tpage01\t1\t%s\t\n' "$title"
	printf 'para\tpage01\t2\t青岛政务网 发布日期 : 2021-01-20 来源 : 市国资委\t\n'
	printf 'para\tpage01\t3\t%s全文见附件。\t\n' "$title"
	printf 'para\tpage01\t4\t附件：%s.docx\t\n' "$title"
} >"$t/page"

run() {	# name, then the files of the stream in order
	name=$1; shift
	cat "$@" >"$t/$name.in"
	"$bin/gk-transform" <"$t/$name.in" >"$t/$name.out"
	echo $? >"$t/$name.rc"
}
report() {	# the report record of the page
	awk -F'\t' -v pg="$pg" '$1 == "report" && $3 == pg' "$t/$1.out"
}
good() {	# name: one report for the page from the attachment, no error
	[ "$(cat "$t/$1.rc")" = 0 ] || fail "$1: exit $(cat "$t/$1.rc"), want 0"
	grep -q '^error' "$t/$1.out" && fail "$1: $(grep '^error' "$t/$1.out")"
	[ "$(report "$1" | wc -l)" = 1 ] || fail "$1: want one report for the page"
	r=$(report "$1")
	[ "$(echo "$r" | cut -f6)" = gov2019 ] || fail "$1: template: $r"
	[ "$(echo "$r" | cut -f7)" = "$att" ] || fail "$1: source: $r"
	[ "$(echo "$r" | cut -f4)" = 青岛市国资委 ] || fail "$1: agency: $r"
	[ "$(echo "$r" | cut -f5)" = 2020 ] || fail "$1: year: $r"
	n=$(awk -F'\t' -v s="$att" '$1 == "metric" && $8 == s' "$t/$1.out" | wc -l)
	[ "$n" = 198 ] || fail "$1: want 198 metrics of the attachment, got $n"
}

run together "$t/page" "$t/att"
good together
r=$(report together)
[ "$(echo "$r" | cut -f9)" = "$title" ] || fail "together: title not the page's: $r"
[ "$(echo "$r" | cut -f10)" = 2021-01-20 ] || fail "together: date not the page's 发布日期: $r"

run split "$t/page" "$t/other" "$t/att"
good split
[ "$(report split)" = "$(report together)" ] || fail "split: report differs: $(report split)"
[ "$(grep -c '^report' "$t/split.out")" = 2 ] || fail "split: want two reports"

run reversed "$t/att" "$t/page"
good reversed

run alone "$t/page" "$t/other"
[ "$(cat "$t/alone.rc")" = 1 ] || fail "alone: exit $(cat "$t/alone.rc"), want 1"
n=$(grep -c "$(printf '^error\tpage01\ttransform\tno_template\t')" "$t/alone.out")
[ "$n" = 1 ] || fail "alone: want one no_template error for the page, got $n"
[ "$(grep -c '^error' "$t/alone.out")" = 1 ] || fail "alone: other errors"
echo ok
