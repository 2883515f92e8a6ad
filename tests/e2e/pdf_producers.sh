#!/bin/sh
# Producer independence: the seed reports' pages printed to PDF by Chromium,
# wkhtmltopdf and WeasyPrint, with table borders and without, must read as
# the seeds' truth (tests/pdf/expected.tsv says which seeds each must get
# perfect).  The PDFs are made once by tests/pdf/make-producers.sh into
# $GK_PDF_CACHE (default build/pdf-producers): the producers take minutes.
set -u
bin=${GK_BIN:-bin}
cache=${GK_PDF_CACHE:-build/pdf-producers}
have=
for p in chromium wkhtmltopdf weasyprint; do
	command -v "$p" >/dev/null 2>&1 && have="$have $p"
done
if [ -z "$have" ]; then
	echo "no PDF producer installed (chromium, wkhtmltopdf, weasyprint: tests/debian-packages)"
	exit 77
fi
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
status=0
grep -v '^#' tests/pdf/expected.tsv | while read -r corpus seeds; do
	[ -n "$corpus" ] || continue
	p=${corpus%-*}
	case " $have " in *" $p "*) ;; *) echo "skip $corpus: $p not installed"; continue ;; esac
	dir=$cache/$corpus
	if [ "$(ls "$dir"/docs/*.pdf 2>/dev/null | wc -l)" -lt 5 ]; then
		sh tests/pdf/make-producers.sh "$cache" "$p" >/dev/null || {
			echo "FAIL $corpus: make-producers.sh failed"; echo x >"$out/failed"; continue; }
	fi
	ids=
	for f in "$dir"/docs/*.pdf; do
		id=$(basename "$f" .pdf)
		ids="$ids $id"
		"$bin/gk-fetch" "$f" | "$bin/gk-extract" | "$bin/gk-transform" \
		    >"$out/$id.out" 2>"$out/$id.err"
	done
	# shellcheck disable=SC2086
	res=$(python3 tests/score.py "$dir/truth" "$out" $ids)
	echo "== $corpus: $(echo "$res" | tail -n 1)"
	for id in $ids; do
		case " $seeds " in
		*" all "*|*" $(echo "$id" | cut -c1-3) "*)
			if ! echo "$res" | grep -q "^ok   $id"; then
				echo "$res" | grep "$id"
				echo x >"$out/failed"
			fi ;;
		esac
	done
done
[ ! -f "$out/failed" ]
