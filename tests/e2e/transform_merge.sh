#!/bin/sh
# End to end: a report page with two attachments (seed 002's page, .docx and
# .pdf, tied by one PAGE) is one report; a value planted differently in the
# .docx gives exactly one format_mismatch; a page version that lost a row
# gives way to a complete attachment.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
d=tests/corpus/docs/002_76275f96720f379e
fail() { echo "FAIL: $*"; exit 1; }

"$bin/gk-fetch" $d.html $d.docx $d.pdf |
    awk -F'\t' 'BEGIN { OFS = "\t" } $1 == "group" { if (g++) next }
        $1 == "doc" { if (p == "") p = $4; $4 = p } { print }' |
    "$bin/gk-extract" >"$t/ext" || fail "gk-fetch | gk-extract"
html=$(awk -F'\t' '$1 == "doc" { print $2; exit }' "$t/ext")
docx=$(awk -F'\t' '$1 == "doc" && $8 == "docx" { print $2 }' "$t/ext")
[ -n "$html" ] && [ -n "$docx" ] || fail "no doc records"

# 1. three versions that agree: one report, kept from the page, no mismatch
"$bin/gk-transform" <"$t/ext" >"$t/out" || fail "gk-transform exit $?"
[ "$(grep -c '^report' "$t/out")" = 1 ] || fail "want one report record"
[ "$(grep -c '^metric' "$t/out")" = 198 ] || fail "want 198 metrics"
awk -F'\t' '$1 == "report" { exit !($7 == "'"$html"'" && $6 == "gov2019") }' "$t/out" ||
    fail "SOURCE should be the page $html"
! grep -q 'format_mismatch' "$t/out" || fail "versions agree, no mismatch expected"

# 2. a planted disagreement in the .docx: 5146 -> 5147 (requests.new.total)
awk -F'\t' 'BEGIN { OFS = "\t" }
    $1 == "cell" && $2 == "'"$docx"'" && $9 == "5146" { $9 = "5147" } { print }' \
    "$t/ext" | "$bin/gk-transform" >"$t/out2" || fail "gk-transform exit $?"
grep '^check' "$t/out2" >"$t/checks2"
printf 'check\t%s\tformat_mismatch\trequests.new.total\t5146\t5147@%s\t表三「一、本年新收政府信息公开申请数量」行「申请人情况 / 总计」栏：所用版本为 5146，另一版本（%s）为 5147\n' "$html" "$docx" "$docx" >"$t/want2"
diff "$t/want2" "$t/checks2" || fail "want exactly one format_mismatch"

# 3. the page lost the 行政许可 row: the complete .docx is kept instead,
# and the page's missing keys are no mismatch
awk -F'\t' 'BEGIN { OFS = "\t" }
    $1 == "cell" && $2 == "'"$html"'" && $9 == "行政许可" { $9 = "说明" } { print }' \
    "$t/ext" | "$bin/gk-transform" >"$t/out3" || fail "gk-transform exit $?"
awk -F'\t' '$1 == "report" { exit !($7 == "'"$docx"'") }' "$t/out3" ||
    fail "SOURCE should be the complete .docx $docx"
[ "$(grep -c '^metric' "$t/out3")" = 198 ] || fail "want 198 metrics from the .docx"
! grep -q '^check' "$t/out3" || fail "no check expected: $(grep '^check' "$t/out3" | head -3)"
echo "ok"
