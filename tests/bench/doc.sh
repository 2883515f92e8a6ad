#!/bin/sh
# .doc speed: gk-extract beside antiword and catdoc on the same files.
# usage: sh tests/bench/doc.sh [BINDIR] [FILE.doc...]
# Prints one line per tool: mean milliseconds per document, measured with
# hyperfine (warm cache, 3 warm-ups, 20 runs, shell start-up subtracted).
# gk-extract is timed twice: one process per document (as antiword and
# catdoc run) and one process for the whole batch (as the pipeline runs).
# antiword and catdoc print text only (see extract/NOTES_doc.md for how
# their tables come out); they are speed baselines, not equivalents.
set -u
bin=${1:-bin}; [ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- tests/corpus/docs/*.doc tests/corpus/synthetic/docs/*.doc
command -v hyperfine >/dev/null || { echo "doc bench: hyperfine not installed (apt-get install hyperfine)"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
for f in "$@"; do
	n=$((n + 1))
	"$bin/gk-fetch" "$f" >"$tmp/$n.rec" || exit 2
	cat "$tmp/$n.rec" >>"$tmp/all.rec"
	cp "$f" "$tmp/$n.doc"
done
one() {	# name, command with N for the document number: mean ms per document
	hyperfine -S sh -w 3 -r 20 -L n "$(seq -s, 1 "$n")" --export-csv "$tmp/$1.csv" \
	    "$2" >/dev/null 2>&1 || { echo "$1: failed"; return; }
	awk -F, -v name="$1" 'NR > 1 { s += $2; k++ }
	    END { if (k) printf "%-26s %8.2f ms/doc\n", name, s / k * 1000 }' "$tmp/$1.csv"
}
echo "$n .doc files, $(cat "$@" | wc -c) bytes"
one "gk-extract (per doc)" "$bin/gk-extract <$tmp/{n}.rec >/dev/null"
hyperfine -S sh -w 3 -r 20 --export-csv "$tmp/batch.csv" \
    "$bin/gk-extract <$tmp/all.rec >/dev/null" >/dev/null 2>&1 &&
    awk -F, -v n="$n" 'NR == 2 { printf "%-26s %8.2f ms/doc\n", "gk-extract (batch)", $2 * 1000 / n }' "$tmp/batch.csv"
if command -v antiword >/dev/null; then
	one "antiword -w 0" "antiword -m UTF-8.txt -w 0 $tmp/{n}.doc >/dev/null"
else
	echo "antiword: not installed"
fi
if command -v catdoc >/dev/null; then
	one "catdoc -d utf-8" "catdoc -d utf-8 $tmp/{n}.doc >/dev/null"
else
	echo "catdoc: not installed"
fi
