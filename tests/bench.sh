#!/bin/sh
# make bench: speed and memory of gk beside peer tools on the same files, in
# one run.  Figures are printed, never asserted (a timed unit test would be
# flaky); compare them across commits on one machine.  The peers come from
# tests/bench/debian-packages (make bench-deps).
#   1. each format: gk-extract over all the corpus documents of that format
#      in one process, beside the peer that reads the format as text;
#   2. the whole chain fetch | extract | transform | load over the corpus;
#   3. the per-format scripts tests/bench/*.sh (e.g. doc.sh: per document).
set -u
bin=${1:-bin}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
docs=$(ls tests/corpus/docs/* tests/corpus/synthetic/docs/* tests/corpus/flat/docs/* tests/realworld/docs/* | grep -v '\.tsv$')

# wall seconds and max RSS (KiB) of a shell command, best of 3
measure() {
	python3 - "$1" <<'PY'
import resource, subprocess, sys, time
best = None
for _ in range(3):
    t = time.perf_counter()
    subprocess.run(['sh', '-c', sys.argv[1]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = time.perf_counter() - t
    best = d if best is None or d < best else best
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print('%8.1f ms %7d KiB' % (best * 1000, rss))
PY
}
line() { printf '%-12s %-44s %s\n' "$1" "$2" "$(measure "$3")"; }

echo "== one process over every corpus document of a format (best of 3; max RSS)"
for ext in html docx pdf doc; do
	files=$(echo "$docs" | grep "\.$ext\$")
	n=$(echo "$files" | wc -l)
	# shellcheck disable=SC2086
	"$bin/gk-fetch" $files >"$tmp/$ext.rec" 2>/dev/null
	line ".$ext ×$n" "gk-extract (paras + cells)" "$bin/gk-extract <$tmp/$ext.rec"
	case $ext in
	html) command -v pandoc >/dev/null && line "" "pandoc -t plain (one call per file)" \
	    "for f in $(echo $files); do pandoc -f html -t plain \$f; done" ;;
	docx) command -v pandoc >/dev/null && line "" "pandoc -t plain (one call per file)" \
	    "for f in $(echo $files); do pandoc -t plain \$f; done" ;;
	pdf) command -v pdftotext >/dev/null && line "" "pdftotext -layout (one call per file)" \
	    "for f in $(echo $files); do pdftotext -layout \$f -; done" ;;
	doc) command -v antiword >/dev/null && line "" "antiword -w 0 (one call per file)" \
	    "for f in $(echo $files); do antiword -m UTF-8.txt -w 0 \$f; done"
	    command -v catdoc >/dev/null && line "" "catdoc -d utf-8 (one call per file)" \
	    "for f in $(echo $files); do catdoc -d utf-8 \$f; done" ;;
	esac
done

echo "== the whole chain over the corpus ($(echo "$docs" | wc -l) documents)"
# shellcheck disable=SC2086
line "chain" "fetch | extract | transform | load" \
    "$bin/gk-fetch $(echo $docs) | $bin/gk-extract | $bin/gk-transform | $bin/gk-load $tmp/data"
"$bin/gk-fetch" $docs 2>/dev/null | "$bin/gk-extract" 2>/dev/null >"$tmp/ex.rec"
line "" "gk-transform alone" "$bin/gk-transform <$tmp/ex.rec"

for b in tests/bench/*.sh; do
	[ -f "$b" ] || continue
	echo "== $b"
	sh "$b" "$bin"
done
