#!/bin/sh
# gk-fetch's command line: no arguments is usage (exit 2, no ./data made,
# no crawl); a folder gives its documents only (by magic bytes: a README or
# a .tsv is left out, with a -v note), each titled by its file name; a file
# named by itself is taken; "-" is standard input: a document (kept in the
# --state cache), a config (-c -), a list (-i -).
set -u
bin=${GK_BIN:-bin}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
top=$PWD
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir "$t/run" && cd "$t/run" || exit 1
"$bin/gk-fetch" >out 2>err
rc=$?
[ $rc -eq 2 ] || fail "no arguments: exit $rc, want 2"
grep -q '^usage: gk-fetch' err || fail "no arguments: no usage line"
[ ! -s out ] && [ ! -e data ] || fail "no arguments: wrote records or made ./data"
"$bin/gk-fetch" --state st >/dev/null 2>&1
[ $? -eq 2 ] && [ ! -e st ] || fail "--state alone: not usage"
"$bin/gk-fetch" --start http://127.0.0.1:9/ http://127.0.0.1:9/x.pdf >/dev/null 2>&1
[ $? -eq 2 ] || fail "--start with URLs: not usage"
cd "$top" || exit 1
echo "ok: no arguments, --state alone, --start with URLs: usage, exit 2, nothing made"

# a folder: documents only, titles from the file names
mkdir -p "$t/dir/sub"
cp tests/corpus/docs/002_76275f96720f379e.pdf "$t/dir/市政府2020年报.pdf"
cp tests/corpus/docs/001_967186fe634bba4e.docx "$t/dir/sub/b.v2.docx"
printf '# notes\n' >"$t/dir/README.md"
printf 'a\tb\n' >"$t/dir/sub/list.tsv"
"$bin/gk-fetch" -v "$t/dir" >"$t/o" 2>"$t/e" || fail "folder: exit $?"
awk -F'\t' '$1 != "group" { n = split($5, p, "/"); print $1 "\t" p[n] "\t" $8 "\t" $9 }' "$t/o" >"$t/g"
printf 'doc\tb.v2.docx\tdocx\tb.v2\ndoc\t市政府2020年报.pdf\tpdf\t市政府2020年报\n' | diff - "$t/g" ||
    fail "folder: documents and titles"
grep -q 'README.md: not a document' "$t/e" && grep -q 'list.tsv: not a document' "$t/e" ||
    fail "folder: no -v note for the files left out"
"$bin/gk-fetch" "$t/dir/README.md" | awk -F'\t' '$8 == "other" && $9 == "README" { f = 1 } END { exit !f }' ||
    fail "a file named by itself is taken"
echo "ok: a folder gives its 2 documents (README.md, list.tsv left out, noted with -v), titled by name"

# - : a document on standard input, kept in the cache of --state
"$bin/gk-fetch" - --state "$t/st" <tests/corpus/docs/002_76275f96720f379e.pdf >"$t/o" 2>"$t/e" ||
    fail "-: exit $?"
sha=$(sha256sum <tests/corpus/docs/002_76275f96720f379e.pdf | cut -d' ' -f1)
awk -F'\t' -v s="$sha" '$1 == "doc" && $3 == "urn:sha256:" s && $6 == s && $8 == "pdf" { print $5 }' "$t/o" >"$t/f"
[ -s "$t/f" ] && cmp -s "$(cat "$t/f")" tests/corpus/docs/002_76275f96720f379e.pdf || fail "-: $(cat "$t/o")"
# -i -: paths and URLs from standard input; -c -: a configuration
printf '%s\n' "$t/dir/sub/b.v2.docx" | "$bin/gk-fetch" -i - | grep -q '	b.v2	' || fail "-i -: a path"
printf 'delay-ms 0\nrobots no\n' | "$bin/gk-fetch" -c - \
    --start "file://$PWD/tests/site/www/zwgk/qxgk/fjlb/index.shtml" --state "$t/st2" >"$t/o" 2>/dev/null
[ "$(awk -F'\t' '$1 == "doc" && $13 == "new"' "$t/o" | wc -l)" -ge 4 ] || fail "-c -: the crawl"
echo "ok: - as a document (kept in the cache), -i - and -c - from standard input"

# symbolic links in a folder: followed while they stay inside it, never
# out of it (a link to /etc, to a file outside: an off_host error, nothing
# read); a link loop and a second name give no document twice
mkdir -p "$t/links/a" "$t/out"
cp tests/corpus/docs/002_76275f96720f379e.pdf "$t/links/a/r.pdf"
cp tests/corpus/docs/001_967186fe634bba4e.docx "$t/out/secret.docx"
ln -s /etc "$t/links/etc"
ln -s "$t/out/secret.docx" "$t/links/outside.docx"
ln -s .. "$t/links/a/loop"
ln -s a/r.pdf "$t/links/same.pdf"
ln "$t/links/a/r.pdf" "$t/links/hard.pdf"
"$bin/gk-fetch" "$t/links" >"$t/o" 2>"$t/e"
rc=$?
[ $rc -eq 1 ] || fail "links: exit $rc, want 1 (two links out of the folder)"
[ "$(awk -F'\t' '$1 == "doc"' "$t/o" | wc -l)" -eq 1 ] || fail "links: $(awk -F'\t' '$1 == "doc" { print $3 }' "$t/o")"
grep -q 'shadow\|passwd\|secret' "$t/o" && awk -F'\t' '$1 == "doc"' "$t/o" | grep -q 'etc\|secret' && fail "links: read outside the folder"
[ "$(awk -F'\t' '$1 == "error" && $4 == "off_host" && $5 ~ /symbolic link out of the folder/' "$t/o" | wc -l)" -eq 2 ] ||
    fail "links: not one off_host error per link out: $(cat "$t/e")"
echo "ok: symbolic links: out of the folder refused (off_host), a loop and second names give one document"
