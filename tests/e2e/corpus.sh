#!/bin/sh
# End to end: every document of the corpora in corpus.list goes through
# gk-fetch | gk-extract | gk-transform and must give exactly the values,
# units, flags, checks, agency, year and template of its truth files.
set -u
bin=${GK_BIN:-bin}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
status=0
grep -v '^#' tests/e2e/corpus.list | while read -r dir exts; do
	[ -n "$dir" ] || continue
	for ext in $exts; do
		ids=
		for f in "$dir"/docs/*."$ext"; do
			[ -f "$f" ] || continue
			id=$(basename "$f" ."$ext")
			ids="$ids $id"
			mkdir -p "$out/$dir/$ext"
			"$bin/gk-fetch" "$f" | "$bin/gk-extract" | "$bin/gk-transform" \
			    >"$out/$dir/$ext/$id.out" 2>"$out/$dir/$ext/$id.err"
		done
		[ -n "$ids" ] || continue
		echo "== $dir .$ext"
		# shellcheck disable=SC2086
		python3 tests/score.py "$dir/truth" "$out/$dir/$ext" $ids || echo FAILED >"$out/failed"
	done
done
[ ! -f "$out/failed" ]
