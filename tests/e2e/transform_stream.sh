#!/bin/sh
# End to end on hand-made streams: unknown records and earlier errors pass
# through unchanged; `note DOC ocr N` flags every value of that document
# `ocr`; a document whose text holds no template gives one no_template error
# and the batch goes on; each local file is its own report.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
d=tests/corpus/docs/001_967186fe634bba4e

"$bin/gk-fetch" $d.docx | "$bin/gk-extract" >"$t/ext" || fail "extract"
doc=$(awk -F'\t' '$1 == "doc" { print $2; exit }' "$t/ext")
{
	printf 'doc\tnotable\tfile:///x/notice.html\tfile:///x/notice.html\t/x\t-\t1\thtml\t\t\t\t\tnew\n'
	printf 'para\tnotable\t1\t关于开展培训的通知\t\n'
	printf 'para\tnotable\t2\t各单位：2021年培训定于5月举行。\t\n'
	printf 'future\tsomething\tnew\n'
	printf 'error\tgone\textract\tcorrupt\tthe zip is damaged\n'
	cat "$t/ext"
	printf 'note\t%s\tocr\t2\n' "$doc"
} >"$t/in"
"$bin/gk-transform" <"$t/in" >"$t/out"
rc=$?
[ $rc = 1 ] || fail "exit status $rc, want 1 (a document failed)"
grep -qx "$(printf 'future\tsomething\tnew')" "$t/out" || fail "unknown record not passed through"
grep -qx "$(printf 'error\tgone\textract\tcorrupt\tthe zip is damaged')" "$t/out" ||
    fail "error record not passed through"
grep -q "$(printf '^error\tnotable\ttransform\tno_template\t')" "$t/out" ||
    fail "no no_template error for the notice"
[ "$(grep -c '^report' "$t/out")" = 1 ] || fail "want one report"
n=$(grep -c '^metric' "$t/out")
[ "$n" = 198 ] || fail "want 198 metrics, got $n"
nocr=$(awk -F'\t' '$1 == "metric" && $7 ~ /(^|,)ocr(,|$)/' "$t/out" | wc -l)
[ "$nocr" = 198 ] || fail "want every value flagged ocr, got $nocr"
# blank cells keep their flag beside ocr
awk -F'\t' '$1 == "metric" && $4 == "" && $7 != "blank,ocr" { bad = 1 } END { exit bad }' "$t/out" ||
    fail "blank values should be flagged blank,ocr"
# metadata from the text of the document
awk -F'\t' '$1 == "report" { exit !($4 == "青岛市国资委" && $5 == "2020") }' "$t/out" ||
    fail "agency/year: $(grep '^report' "$t/out")"
echo ok
