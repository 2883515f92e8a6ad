#!/bin/sh
# docs/SCHEMA.md is the schema as the code has it: its generated part is
# what docs/mkschema.sh makes from common/schema*.c and config/series.tsv
# now (every key of every form, every check, every series), the README and
# the man pages send readers to it, and nothing sends them outside the
# repository (../shared).
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

sh docs/mkschema.sh -c "$bin" >"$t/doc" || fail "docs/mkschema.sh failed"
if ! cmp -s "$t/doc" docs/SCHEMA.md; then
	diff docs/SCHEMA.md "$t/doc" | head
	fail "docs/SCHEMA.md differs from the schema: run sh docs/mkschema.sh"
fi
# every key of every form and every check is in it
printf 'error\t0000000000000000\tload\tnone\tx\n' | "$bin/gk-load" -q "$t/d" 2>/dev/null
n=0
while IFS='	' read -r key tmpl rest; do
	grep -qF "| \`$key\` |" docs/SCHEMA.md || fail "$key ($tmpl) is not in docs/SCHEMA.md"
	n=$((n + 1))
done <<EOD
$(sed 1d "$t/d/dictionary.tsv")
EOD
[ $n -gt 400 ] || fail "only $n keys in the dictionary"
grep -q 'docs/SCHEMA.md' README.md || fail "the README does not link docs/SCHEMA.md"
for m in load/gk-load.1 extract/gk-extract.1; do
	grep -q 'docs/SCHEMA.md' $m || fail "$m does not name docs/SCHEMA.md"
done
for f in README.md */*.1; do
	grep -n '\.\./shared' "$f" && fail "$f refers to ../shared, outside the repository"
done
echo "ok: docs/SCHEMA.md: $n keys, checks and series as the code has them"
