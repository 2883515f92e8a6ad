#!/bin/sh
# dictionary.tsv against the files it describes: every key of metrics/
# (with its template), every check of checks/, every series of series/
# and of config/series.tsv has its row, with the labels the form prints
# and a description; the form's keys are the wide files' columns; loading
# the same stream again changes nothing.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/s"
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"; done >>"$t/s"
"$bin/gk-load" "$t/d" <"$t/s"
rc=$?
[ $rc -le 1 ] || fail "gk-load exit $rc"
dict=$t/d/dictionary.tsv
[ "$(head -1 "$dict")" = "$(printf 'key\ttemplate\ttable_label\trow_label\tcolumn_label\tunit\tdescription')" ] ||
	fail "dictionary.tsv header: $(head -1 "$dict")"
awk -F '\t' 'NR > 1 && (NF != 7 || $1 == "" || $2 == "" || $7 == "") { print; bad = 1 } END { exit bad }' "$dict" >"$t/bad" ||
	fail "rows without a key, template or description: $(head -3 "$t/bad")"
n=$(sed 1d "$dict" | cut -f1,2 | sort | uniq -d | wc -l)
[ "$n" -eq 0 ] || fail "$n keys listed twice for one template"

# every key of metrics/, with its template
rows "$t/d" metrics | cut -f4,5 | sort -u >"$t/used"
[ "$(wc -l <"$t/used")" -gt 100 ] || fail "too few keys in metrics/ to test"
sed 1d "$dict" | awk -F '\t' -v OFS='\t' '{ print $2, $1 }' | sort -u >"$t/listed"
comm -23 "$t/used" "$t/listed" >"$t/missing"
[ -s "$t/missing" ] && fail "keys of metrics/ the dictionary lacks: $(head -3 "$t/missing" | tr '\t\n' '  ')"
# every key of the forms: the wide files' columns
for tmpl in gov2019 gov2021; do
	tsv "$t/d" wide-$tmpl | head -1 | tr '\t' '\n' | sed 1,4d | sort >"$t/cols"
	awk -F '\t' -v t=$tmpl '$2 == t { print $1 }' "$dict" | sort >"$t/keys"
	cmp -s "$t/cols" "$t/keys" || fail "$tmpl: the dictionary's keys are not the wide-$tmpl columns"
done
# every check of checks/, and every check explained
rows "$t/d" checks | cut -f5 | sort -u >"$t/used"
awk -F '\t' '$2 == "check" { print $1 }' "$dict" | sort >"$t/listed"
[ -s "$t/used" ] || fail "no failed check to test"
comm -23 "$t/used" "$t/listed" | grep . && fail "checks of checks/ the dictionary lacks"
for c in row_total closed_total balance appeals_total template_shape format_mismatch carry_chain duplicate_report; do
	grep -qx "$c" "$t/listed" || fail "check $c is not in the dictionary"
done
# every series, of series/ and of the crosswalk
{ rows "$t/d" series | cut -f4; grep -v '^#' config/series.tsv | sed 1d | cut -f1; } | sort -u >"$t/used"
awk -F '\t' '$2 == "series" { print $1 }' "$dict" | sort >"$t/listed"
cmp -s "$t/used" "$t/listed" || fail "the dictionary's series are not those of series/ and config/series.tsv"
# known truth: what the form prints
grep -q "^requests.denied.state_secret.total	gov2019	三、收到和处理政府信息公开申请情况	三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密	申请人情况 / 总计	" "$dict" ||
	fail "requests.denied.state_secret.total: $(grep '^requests.denied.state_secret.total	gov2019' "$dict")"
grep -q "^legacy.一、主动公开情况.1.政府公报公开政府信息数	legacy	.*	条	" "$dict" || fail "the legacy row 政府公报公开政府信息数 has no unit 条"
grep -q '^requests.received	series	.*legacy: 依申请公开情况.收到申请数' "$dict" || fail "requests.received does not name its legacy row"
# gk.sqlite holds the same
n=$(sqlite3 "$t/d/gk.sqlite" "SELECT COUNT(*) FROM dictionary")
[ "$n" -eq $(($(wc -l <"$dict") - 1)) ] || fail "gk.sqlite's dictionary: $n rows"
n=$(sqlite3 "$t/d/gk.sqlite" "SELECT COUNT(*) FROM check_kinds")
[ "$n" -eq "$(awk -F '\t' '$2 == "check"' "$dict" | wc -l)" ] || fail "check_kinds: $n rows"
# the same stream again: nothing changes
g=$(gen "$t/d")
"$bin/gk-load" "$t/d" <"$t/s"
[ "$(gen "$t/d")" = "$g" ] || fail "loading the same stream again made a new generation"
echo "ok: dictionary: $(($(wc -l <"$dict") - 1)) rows, every key, check and series of the files"
