#!/bin/sh
# seeds.sh NAME: the inputs a harness starts from, one path a line: the files
# that tests/fuzz/seeds/NAME.list names (shell globs, from the repository's
# top), the folder tests/fuzz/seeds/NAME/, and every input that once crashed
# or hung it, tests/fuzz/regress/NAME/.
set -eu
name=$1
top=$(dirname "$0")/../..
cd "$top"
if [ -f "tests/fuzz/seeds/$name.list" ]; then
	while read -r glob; do
		case $glob in ''|'#'*) continue ;; esac
		for f in $glob; do [ -f "$f" ] && echo "$f"; done
	done <"tests/fuzz/seeds/$name.list"
fi
for d in "tests/fuzz/seeds/$name" "tests/fuzz/regress/$name"; do
	[ -d "$d" ] && find "$d" -type f ! -name '.*' | sort
done
exit 0
