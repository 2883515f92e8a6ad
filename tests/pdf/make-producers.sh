#!/bin/sh
# Make PDFs of the seed reports' .html pages with producers other than
# LibreOffice, each with the table borders drawn (ruled) and with every
# border removed by CSS (plain), as small corpora that share the seeds' truth:
#
#   OUT/<producer>-<style>/docs/<seed>.pdf
#   OUT/<producer>-<style>/truth -> the seeds' truth (copied)
#
# usage: tests/pdf/make-producers.sh OUT [producer...]
# producers: chromium wkhtmltopdf weasyprint (default: those installed).
# Prints one line per corpus made; exits 77 when no producer is installed.
set -eu
out=${1:?usage: make-producers.sh OUT [producer...]}
shift
[ $# -gt 0 ] || set -- chromium wkhtmltopdf weasyprint
src=tests/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
made=0

# ruled: every cell boxed, whatever the page's own CSS says; plain: none.
# Both hide the site's navigation and tool bars, as the site's print style
# sheet (not in the corpus) would: the report is what gets printed, and a
# menu printed as a list would read as lines of the report.
chrome='.top,.position,.tool,.nav{display:none !important}'
css_ruled="$chrome"'table{border-collapse:collapse !important}table,td,th{border:1px solid black !important}'
css_plain="$chrome"'table,td,th,tr{border:none !important}'

page() {	# page STYLE SRC DST: the page with the style's CSS injected
	css=$(eval echo "\$css_$1")
	sed "s#</head>#<style>$css</style></head>#" "$2" >"$3"
}

run() {		# run PRODUCER IN.html OUT.pdf
	case $1 in
	chromium)
		timeout 120 chromium --headless --no-sandbox --disable-gpu \
		    --no-pdf-header-footer --user-data-dir="$tmp/chromium" \
		    --print-to-pdf="$3" "$2" >/dev/null 2>&1 ;;
	wkhtmltopdf)
		# exits 1 for the page's missing images: check the file instead
		timeout 120 wkhtmltopdf -q --encoding utf-8 \
		    --enable-local-file-access --load-error-handling ignore \
		    --load-media-error-handling ignore "$2" "$3" \
		    >/dev/null 2>&1 || true ;;
	weasyprint)
		timeout 120 weasyprint -q -p "$2" "$3" >/dev/null 2>&1 ;;
	esac
	[ -s "$3" ]
}

for p in "$@"; do
	command -v "$p" >/dev/null 2>&1 || { echo "skip $p: not installed"; continue; }
	for style in ruled plain; do
		dir=$out/$p-$style
		mkdir -p "$dir/docs"
		rm -rf "$dir/truth"
		cp -r "$src/truth" "$dir/truth"
		for h in "$src"/docs/*.html; do
			id=$(basename "$h" .html)
			page "$style" "$h" "$tmp/$id.html"
			run "$p" "$tmp/$id.html" "$dir/docs/$id.pdf" ||
			    { echo "$p failed on $id" >&2; exit 1; }
		done
		echo "$dir"
		made=1
	done
done
[ "$made" = 1 ] || { echo "no PDF producer installed (chromium, wkhtmltopdf, weasyprint)"; exit 77; }
