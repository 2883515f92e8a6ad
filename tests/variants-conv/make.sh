#!/bin/sh
# Make tests/variants-conv: the variants (tests/variants) in the two other
# formats agencies publish, converted the way agencies make them.
#
#   docs/<id>.doc  LibreOffice  .docx -> Word 97 (.doc), every docx variant
#                  LibreOffice  .html -> .doc, the html variants in HTMLDOC
#                               (the page saved as Word; the site's
#                               navigation cut out first)
#   docs/<id>.pdf  LibreOffice  .docx -> PDF, every docx variant;
#                  Chromium     .html -> PDF, the html variants in CHROME
#                               (the site's navigation hidden as its print
#                               style sheet would, as tests/pdf/make-producers.sh)
#   open/docs/     Chromium PDFs gk does not read right yet (OPEN; see
#                  README.md): not in tests/e2e/corpus.list, scored by hand
#   truth/, open/truth/  tests/variants/truth for the same ids; reports.tsv
#                  and checks.tsv cut to those ids.
#
# Only a sample of the html variants is printed: Chromium's PDFs are ~300 KB
# each (Type 3 fonts).  The <p>-per-cell (htmlp) pages with blank cells are
# left out: a blank <p> prints as nothing (README.md, "Left out").
# usage: tests/variants-conv/make.sh   (from the repository root; takes
# about 2 minutes; make test only reads the committed files)
set -eu
src=tests/variants
dst=tests/variants-conv
CHROME="v00_g19_html v02_g19_html v05_g19_html v17_mix_html v19_leg_html
    v40_g19_html v44_g21_html v50_g19_html v58_g19_html"
HTMLDOC="v05_g19_html v07_g19_html v16_g21_html v20_leg_html v40_g19_html
    v41_g21_html v42_g21_html v43_g19_html v50_g19_html v23_g19_htmlp
    v27_leg_htmlp v49_g19_htmlp v59_g21_htmlp"
OPEN="v23_g19_htmlp"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v soffice >/dev/null || { echo "soffice not installed"; exit 77; }
command -v chromium >/dev/null || { echo "chromium not installed"; exit 77; }
rm -rf "$dst/docs" "$dst/truth" "$dst/open"
mkdir -p "$dst/docs" "$dst/truth" "$dst/open/docs" "$dst/open/truth" "$tmp/doc" "$tmp/pdf" "$tmp/html"

lo() {	# lo FORMAT FILES...: one LibreOffice start for all the files
	f=$1; shift
	timeout 600 soffice --headless -env:UserInstallation="file://$tmp/lo" \
	    --convert-to "$f" --outdir "$tmp/$f" "$@" >/dev/null 2>&1
}
lo doc "$src"/docs/*.docx
lo pdf "$src"/docs/*.docx
mkdir -p "$tmp/web"
for id in $HTMLDOC; do
	sed -E '/<div class="(top|position|tool)"/d' "$src/docs/$id.html" \
	    >"$tmp/web/$id.html"
done
(cd "$tmp/web" && timeout 600 soffice --headless \
    -env:UserInstallation="file://$tmp/lo" --infilter="HTML (StarWriter)" \
    --convert-to doc:"MS Word 97" --outdir "$tmp/doc" *.html >/dev/null 2>&1)

chrome='.top,.position,.tool,.nav{display:none !important}'
for id in $CHROME $OPEN; do
	h=$src/docs/$id.html
	sed "s#</head>#<style>$chrome</style></head>#" "$h" >"$tmp/html/$id.html"
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --no-first-run --disable-background-networking \
	    --no-pdf-header-footer --user-data-dir="$tmp/chromium" \
	    --print-to-pdf="$tmp/pdf/$id.pdf" "file://$tmp/html/$id.html" \
	    >/dev/null 2>&1 || true
	[ -s "$tmp/pdf/$id.pdf" ] || { echo "chromium failed on $id" >&2; exit 1; }
done

truth() {	# truth DIR: the truth of the ids in DIR/docs
	ids=$(ls "$1/docs" | sed 's/\.[a-z]*$//' | sort -u)
	for id in $ids; do
		cp "$src/truth/$id.tsv" "$1/truth/"
	done
	for t in reports checks; do
		awk -v ids="$ids" 'BEGIN { n = split(ids, a, /[ \n]/)
		    for (i = 1; i <= n; i++) k[a[i]] = 1 }
		    NR == 1 || ($1 in k)' "$src/truth/$t.tsv" >"$1/truth/$t.tsv"
	done
}

for f in "$tmp"/doc/*.doc "$tmp"/pdf/*.pdf; do
	b=$(basename "$f")
	case " $(echo $OPEN) " in
	*" ${b%.pdf} "*) cp "$f" "$dst/open/docs/$b" ;;
	*) cp "$f" "$dst/docs/$b" ;;
	esac
done
truth "$dst"
truth "$dst/open"
echo "$dst/docs: $(ls "$dst/docs" | grep -c '\.doc$') doc," \
    "$(ls "$dst/docs" | grep -c '\.pdf$') pdf; open: $(ls "$dst/open/docs" | wc -l)"
