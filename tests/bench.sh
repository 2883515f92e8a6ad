#!/bin/sh
# make bench: speed and memory of gk beside the peer tools on the same files,
# in one run, printed as ONE table (markdown) with every target of issue 17
# met or missed by how much.  Figures are printed, never asserted (make test
# never runs this; tests/e2e/bench_smoke.sh runs it with tiny sizes).
#
# The generated corpus (tests/bench/mkcorpus.py): BENCH_N reports, each as
# an HTML page, a .docx and a born-digital PDF; BENCH_DOC of them as .doc,
# BENCH_SCAN as scanned PDFs; cached under build/bench/ by the sizes and the
# generators' hash.  CPU time (user + system, GNU time) is what the ratios
# compare: the machine is shared, wall time is printed beside it.  gk reads
# all the files of a format in one process (as the pipeline does); the
# peers take one call per file (as a user runs them), MuPDF also once in
# one process over all the files (mutool run: the floor of gk's PDF path).
#
#   BENCH_N=1000 BENCH_DOC=200 BENCH_SCAN=4   the corpus
#   BENCH_PEER_N=100      files given to pandoc per format (it is slow)
#   BENCH_FLAT=10000      documents of the flat-memory row (the corpus cycled)
#   BENCH_LOAD="1000 10000"  data sets of gk-load (tests/bench/load.sh;
#                         cached; 100000 too when there is time to build it)
#   BENCH_CRAWL=2000      pages of the generated site (0: no crawl rows)
#   BENCH_QUICK=1         leave out the flat, crawl and load rows
#   BENCH_CACHE=build/bench   where the corpus and the data sets are kept
set -u
bin=${1:-bin}
N=${BENCH_N:-1000}
NDOC=${BENCH_DOC:-$((N / 5))}
NSCAN=${BENCH_SCAN:-4}
PEER_N=${BENCH_PEER_N:-100}
FLAT=${BENCH_FLAT:-10000}
LOADS=${BENCH_LOAD-1000 10000}
CRAWL=${BENCH_CRAWL:-2000}
QUICK=${BENCH_QUICK:-0}
cache=${BENCH_CACHE:-build/bench}
PY=/usr/bin/python3
top=$(pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
case $bin in /*) ;; *) bin=$top/$bin ;; esac
for p in gk-fetch gk-extract gk-transform gk-load; do
	[ -x "$bin/$p" ] || { echo "bench: $bin/$p is not built (make)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (make bench-deps)" >&2; exit 2; }
# a copy of the programs: a rebuild of $bin during the run changes nothing
mkdir -p "$t/bin"
cp "$bin"/gk-* "$t/bin/" && bin=$t/bin

load0=$(cut -d ' ' -f 1 /proc/loadavg) start=$(date -u +%Y-%m-%dT%H:%MZ)
# the corpus, made once per sizes and generator
key=$(cat tests/bench/mkcorpus.py tests/matrix/make-reports.py tests/matrix/draw.py \
    tests/matrix/pageprep.py tests/matrix/scan.py tests/variants/make-variants.py | sha256sum | cut -c1-12)
case $cache in /*) ;; *) cache=$top/$cache ;; esac
corpus=$cache/corpus-$N-$NDOC-$NSCAN-$key
if [ ! -d "$corpus" ]; then
	echo "bench: making the corpus ($N reports; once, cached in $corpus)" >&2
	mkdir -p "$cache"
	$PY tests/bench/mkcorpus.py "$corpus" "$N" "$NDOC" "$NSCAN" >&2 || exit 2
fi

# ---- the table ----
rows=$t/rows
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$rows"; }
. tests/bench/verdict.sh
# run NAME CMD...: the command under GNU time; $t/NAME.time: wall user sys
# maxKiB (after GNU time's "Command exited with non-zero status" line)
run() {
	_name=$1; shift
	/usr/bin/time -f '%e %U %S %M' -o "$t/$_name.time" "$@"
}
cpu() { awk '/^[0-9.]+ / { s += $2 + $3 } END { printf "%.2f", s }' "$@"; }
mb() { awk '/^[0-9.]+ / { if ($4 > m) m = $4 } END { printf "%.0f", m / 1024 }' "$@"; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "-" && b != "-") printf "%.2f", a / b; else print "-" }'; }
# peer NAME LIST CMD: CMD (with $f) run once per file of LIST; its time in $t/NAME.time
peer() {
	run "$1" sh -c "while IFS= read -r f; do $3; done >/dev/null 2>&1" <"$2"
}

# gk over one format: extract | transform, each under GNU time
gk() {	# NAME RECFILE
	s=$(date +%s.%N)
	run "$1.ex" "$bin/gk-extract" -q <"$2" 2>"$t/$1.ex.err" |
	    run "$1.tr" "$bin/gk-transform" -q >"$t/$1.out" 2>"$t/$1.tr.err"
	e=$(date +%s.%N)
	echo "$e - $s" | bc | awk '{ printf "%.1f\n", $1 }' >"$t/$1.wall"
}
echo "bench: gk and the peers on each format" >&2
for fmt in html docx pdf doc scan; do
	ls "$corpus/$fmt"/* 2>/dev/null | sort >"$t/$fmt.list"
	n=$(wc -l <"$t/$fmt.list")
	[ "$n" -gt 0 ] || continue
	# shellcheck disable=SC2046
	"$bin/gk-fetch" -q $(cat "$t/$fmt.list") >"$t/$fmt.rec" 2>/dev/null
	cat "$t/$fmt.rec" >>"$t/all.rec"
	gk "$fmt" "$t/$fmt.rec"
	c=$(cpu "$t/$fmt.ex.time" "$t/$fmt.tr.time")
	gr=$(rate "$n" "$c")
	nrep=$(grep -c '^report' "$t/$fmt.out")
	gkcell="$gr docs/s ($c s CPU, $(cat "$t/$fmt.wall") s wall; extract $(mb "$t/$fmt.ex.time") MB, transform $(mb "$t/$fmt.tr.time") MB; $nrep reports)"
	head -n "$PEER_N" "$t/$fmt.list" >"$t/$fmt.peer"
	np=$(wc -l <"$t/$fmt.peer")
	case $fmt in
	html|docx)
		from=; [ "$fmt" = html ] && from="-f html"
		peer pandoc "$t/$fmt.peer" "pandoc $from -t plain \"\$f\""
		pr=$(rate "$np" "$(cpu "$t/pandoc.time")")
		x=$(ratio "$gr" "$pr")
		row ".$fmt ×$n" "$gkcell" "pandoc -t plain: $pr docs/s (first $np files; $(mb "$t/pandoc.time") MB)" \
		    "$x×" "≥ 20× pandoc" "$(verdict "$x" ge 20 ×)" ;;
	pdf)
		peer pdftotext "$t/$fmt.list" 'pdftotext -layout "$f" -'
		pr=$(rate "$n" "$(cpu "$t/pdftotext.time")")
		x=$(ratio "$gr" "$pr")
		row ".pdf ×$n (born-digital)" "$gkcell" "pdftotext -layout: $pr docs/s ($(mb "$t/pdftotext.time") MB)" \
		    "$x×" "≥ 1.5× pdftotext -layout" "$(verdict "$x" ge 1.5 ×)"
		peer mutool "$t/$fmt.list" 'mutool draw -q -F stext -o /dev/null "$f"'
		pr=$(rate "$n" "$(cpu "$t/mutool.time")")
		x=$(ratio "$pr" "$gr")
		row "" "" "mutool draw -F stext: $pr docs/s ($(mb "$t/mutool.time") MB)" \
		    "gk costs $x× MuPDF" "" ""
		printf 'for (var i = 0; i < scriptArgs.length; i++) {\n var d = new Document(scriptArgs[i]);\n for (var p = 0; p < d.countPages(); p++) d.loadPage(p).toStructuredText();\n}\n' >"$t/stext.js"
		# shellcheck disable=SC2046
		run mupdf1 mutool run "$t/stext.js" $(cat "$t/$fmt.list") >/dev/null 2>&1
		pr=$(rate "$n" "$(cpu "$t/mupdf1.time")")
		x=$(ratio "$pr" "$gr")
		row "" "" "MuPDF one pass, one process (mutool run, toStructuredText): $pr docs/s ($(mb "$t/mupdf1.time") MB)" \
		    "gk costs $x× MuPDF" "≤ 1.2× MuPDF one pass" "$(verdict "$x" le 1.2 ×)" ;;
	doc)
		peer antiword "$t/$fmt.list" 'antiword -m UTF-8.txt -w 0 "$f"'
		pr=$(rate "$n" "$(cpu "$t/antiword.time")")
		x=$(ratio "$gr" "$pr")
		row ".doc ×$n" "$gkcell" "antiword -w 0: $pr docs/s ($(mb "$t/antiword.time") MB)" \
		    "$x×" "≥ 1× antiword" "$(verdict "$x" ge 1 ×)"
		if command -v catdoc >/dev/null; then
			peer catdoc "$t/$fmt.list" 'catdoc -d utf-8 "$f"'
			pr=$(rate "$n" "$(cpu "$t/catdoc.time")")
			row "" "" "catdoc: $pr docs/s ($(mb "$t/catdoc.time") MB)" "$(ratio "$gr" "$pr")×" "" ""
		fi ;;
	scan)
		pages=0
		while IFS= read -r f; do
			pages=$((pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')))
		done <"$t/$fmt.list"
		pp=$(awk -v c="$c" -v p="$pages" 'BEGIN { printf "%.2f", c / p }')
		row "scanned .pdf ×$n ($pages pages)" "$pp s CPU a page ($c s CPU, $(cat "$t/$fmt.wall") s wall; extract $(mb "$t/$fmt.ex.time") MB, transform $(mb "$t/$fmt.tr.time") MB; $nrep reports)" \
		    "" "" "< 1 s CPU a page" "$(verdict "$pp" le 1 ' s')"
		row "scanned .pdf: peak RSS" "extract $(mb "$t/$fmt.ex.time") MB" "" "" "< 64 MB" \
		    "$(verdict "$(mb "$t/$fmt.ex.time")" le 64 ' MB')" ;;
	esac
done
ndocs=$(grep -c '^doc' "$t/all.rec")

# ---- memory: every stage under 64 MB, flat from 100 to FLAT documents ----
# The corpus's stream (scans left out, the formats interleaved) cycled to FLAT documents, each copy
# with its own DOC (its first four hex digits the copy's number).
if [ "$QUICK" = 0 ] && [ "$FLAT" -gt 100 ]; then
	echo "bench: memory, 100 and $FLAT documents" >&2
	# the formats' groups interleaved, so that 100 documents are the same mix as 10,000
	for fmt in html docx pdf doc; do
		awk -v f="$fmt" '/^group\t/ { g++ } { printf "%08d\t%s\t%s\n", g, f, $0 }' "$t/$fmt.rec"
	done | sort -s -t "$(printf '\t')" -k1,1 | cut -f 3- >"$t/noscan.rec"
	for m in 100 "$FLAT"; do
		awk -F '\t' -v OFS='\t' -v want="$m" '
		    { l[++n] = $0 }
		    END {
			for (copy = 0; k < want; copy++)
				for (i = 1; i <= n; i++) {
					split(l[i], f, "\t")
					if (f[1] == "group" && k >= want) exit
					if (f[1] == "doc") k++
					if (f[1] != "group" && f[1] != "doc") { print l[i]; continue }
					$0 = l[i]; $2 = sprintf("%04x", copy) substr($2, 5); print
				} }' "$t/noscan.rec" >"$t/flat$m.rec"
		gk "flat$m" "$t/flat$m.rec"
	done
	ex100=$(mb "$t/flat100.ex.time") tr100=$(mb "$t/flat100.tr.time")
	exn=$(mb "$t/flat$FLAT.ex.time") trn=$(mb "$t/flat$FLAT.tr.time")
	row "memory, 100 → $FLAT documents" \
	    "extract $ex100 → $exn MB, transform $tr100 → $trn MB ($(grep -c '^report' "$t/flat$FLAT.out") reports; $(rate "$FLAT" "$(cpu "$t/flat$FLAT.ex.time" "$t/flat$FLAT.tr.time")") docs/s)" \
	    "" "×$(ratio "$exn" "$ex100") extract, ×$(ratio "$trn" "$tr100") transform" \
	    "< 64 MB, flat" \
	    "$(awk -v a="$exn" -v b="$trn" -v a0="$ex100" -v b0="$tr100" 'BEGIN {
		m = a > b ? a : b; g = (a / a0 > b / b0) ? a / a0 : b / b0
		if (m < 64 && g < 1.25) print "**met**"
		else if (m >= 64) printf "**missed**: %d MB > 64 MB\n", m
		else printf "**missed**: grows %.2f×\n", g }')"
fi

# ---- the whole corpus: serial and on both cores (GNU parallel split on groups) ----
echo "bench: the whole corpus, serial and parallel" >&2
for fmt in html docx pdf doc scan; do
	[ -f "$t/$fmt.out" ] && cat "$t/$fmt.out"
done >"$t/serial.out"
swall=$(cat "$t"/html.wall "$t"/docx.wall "$t"/pdf.wall "$t"/doc.wall "$t"/scan.wall 2>/dev/null |
    awk '{ s += $1 } END { printf "%.1f", s }')
if command -v parallel >/dev/null; then
	rs=$(printf 'group\t')
	# par NAME: extract | transform of the whole stream on both cores, with
	# the extract cache of $t/xc, in blocks of 8 KB (as gk-harvest runs it);
	# NAME.wall, NAME.out
	par() {
		s=$(date +%s.%N)
		parallel --will-cite --pipe --recstart "$rs" -k -j2 --block 8k \
		    "$bin/gk-extract" -q --cache "$t/xc" <"$t/all.rec" 2>/dev/null |
		    parallel --will-cite --pipe --recstart "$rs" -k -j2 --block 4M "$bin/gk-transform" -q >"$t/$1.out" 2>/dev/null
		echo "$(date +%s.%N) - $s" | bc >"$t/$1.wall"
	}
	same() {
		if cmp -s "$t/serial.out" "$t/$1.out"; then echo "**met**"
		else echo "**missed**: output differs from the serial run ($(diff "$t/serial.out" "$t/$1.out" | grep -c '^[<>]') lines)"; fi
	}
	par cold
	par warm
	pwall=$(cat "$t/cold.wall") cwall=$(cat "$t/warm.wall")
	row "parallel: extract → transform of the whole corpus ×$ndocs, empty extract cache" \
	    "$(printf '%.1f' "$pwall") s wall on 2 cores (parallel --pipe -j2 --recstart group)" \
	    "serial: $swall s wall" "speed-up $(ratio "$swall" "$pwall")×" \
	    "output identical to the serial run" "$(same cold)"
	mkdir -p "$t/data"
	s=$(date +%s.%N)
	run whole.load "$bin/gk-load" -q "$t/data" "$t/cold.out" 2>/dev/null
	lwall=$(echo "$(date +%s.%N) - $s" | bc)
	whole=$(echo "$pwall + $lwall" | bc)
	row "whole corpus ×$ndocs: fetched → extract → transform → load, first time" \
	    "$(printf '%.1f' "$whole") s wall (extract → transform $(printf '%.1f' "$pwall") s, load $(printf '%.1f' "$lwall") s, $(mb "$t/whole.load.time") MB)" \
	    "" "" "< 120 s on 2 cores" "$(verdict "$whole" le 120 ' s')"
	row "whole corpus ×$ndocs from the extract cache (an unchanged night)" \
	    "extract → transform $(printf '%.1f' "$cwall") s wall" "" "" "< 120 s on 2 cores; identical output" \
	    "$(verdict "$cwall" le 120 ' s'); $(same warm | sed 's/\*\*met\*\*/identical/')"
fi

# ---- gk-load: data sets of BENCH_LOAD reports (tests/bench/load.sh) ----
# each made once from generated streams (the full rebuild), then 10 new, 10
# changed and 10 with the site made whole loaded into copies of it
if [ "$QUICK" = 0 ] && [ -n "$LOADS" ]; then
	echo "bench: gk-load (tests/bench/load.sh)" >&2
	BENCH_LOAD=$LOADS BENCH_CACHE=$cache sh tests/bench/load.sh "$bin" >>"$rows" 2>"$t/load.err" ||
	    row "gk-load" "failed: $(tail -1 "$t/load.err")" "" "" "" ""
fi

# ---- the crawl of a local 2,000-page site, first and unchanged night ----
if [ "$QUICK" = 0 ] && [ "$CRAWL" -gt 0 ]; then
	echo "bench: the crawl" >&2
	BENCH_CRAWL=$CRAWL sh tests/bench/crawl.sh "$bin" >>"$rows" 2>"$t/crawl.err" ||
	    row "crawl" "failed: $(tail -1 "$t/crawl.err")" "" "" "" ""
fi

# ---- the nightly chain (tests/bench/harvest.sh): its lines as rows ----
if [ "$QUICK" = 0 ] && [ -f tests/bench/harvest.sh ]; then
	echo "bench: the nightly chain (tests/bench/harvest.sh)" >&2
	sh tests/bench/harvest.sh "$bin" 2>/dev/null | sed 's/|/∣/g; s/^\([^:]*\): \(.*\)$/| \1 | \2 | | | | |/; /^[^|]/s/.*/| & | | | | | |/' >>"$rows"
fi

echo "gk $(cat VERSION) at $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load $load0 at the start ($start), $(cut -d ' ' -f 1 /proc/loadavg) at the end ($(date -u +%H:%MZ)); corpus $(basename "$corpus")"
echo
echo "| row | gk | peer / base | ratio | target | verdict |"
echo "|---|---|---|---|---|---|"
cat "$rows"
