#!/bin/sh
# Make the committed fixtures tests/pdf/producers/*.pdf: the seed reports'
# .html pages printed to PDF by producers other than LibreOffice, each with
# every table border drawn (border) and with every border removed by CSS
# (noborder).  They share the seeds' truth (tests/corpus/truth):
#
#   OUT/<producer>-<border|noborder>-<seed id>.pdf
#
# usage: tests/pdf/make-producers.sh [OUT [producer...]]
# OUT defaults to tests/pdf/producers; producers: chromium wkhtmltopdf
# weasyprint (default: those installed).  Takes 2-6 minutes (Chromium and
# WeasyPrint start slowly); tests/e2e/pdf_producers.sh only reads the files.
# Prints one line per producer and style; exits 77 when none is installed.
set -eu
out=${1:-tests/pdf/producers}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- chromium wkhtmltopdf weasyprint
src=tests/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
made=0
mkdir -p "$out"

# border: every cell boxed, whatever the page's own CSS says; noborder: none.
# Both hide the site's navigation and tool bars, as the site's print style
# sheet (not in the corpus) would: the report is what gets printed, and a
# menu printed as a list would read as lines of the report.
chrome='.top,.position,.tool,.nav{display:none !important}'
css_border="$chrome"'table{border-collapse:collapse !important}table,td,th{border:1px solid black !important}'
css_noborder="$chrome"'table,td,th,tr{border:none !important}'

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
	for style in border noborder; do
		for h in "$src"/docs/*.html; do
			id=$(basename "$h" .html)
			page "$style" "$h" "$tmp/$id.html"
			run "$p" "$tmp/$id.html" "$out/$p-$style-$id.pdf" ||
			    { echo "$p failed on $id" >&2; exit 1; }
		done
		echo "$out/$p-$style-*.pdf"
		made=1
	done
done
[ "$made" = 1 ] || { echo "no PDF producer installed (chromium, wkhtmltopdf, weasyprint)"; exit 77; }
