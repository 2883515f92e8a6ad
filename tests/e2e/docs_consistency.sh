#!/bin/sh
# The documentation says what the code does (curl's test1477 and test1139):
# - README.md's table of error codes lists exactly the codes of common/err.c;
# - every option a program's usage line shows is in its manual's SYNOPSIS;
# - mandoc -Tlint finds nothing to warn about in the manuals (gk-harvest.1 too).
# (tests/e2e/cli_options.sh checks every option three ways.)
set -u
fail=0
code=$(sed -n 's/^[[:space:]]*case GK_E_[A-Z_]*: return "\([a-z_]*\)";.*/\1/p' common/err.c |
    grep -v '^ok$' | sort)
readme=$(sed -n 's/^| `\([a-z_]*\)` | .*/\1/p' README.md | sort)
if [ "$code" != "$readme" ]; then
	echo "README.md error codes differ from common/err.c:"
	printf '%s\n' "$code" >/tmp/gk-codes.$$; printf '%s\n' "$readme" | diff /tmp/gk-codes.$$ - ; rm -f /tmp/gk-codes.$$
	fail=1
fi
[ -n "$code" ] || { echo "no codes found in common/err.c"; fail=1; }
bin=${GK_BIN:-bin}
for s in fetch extract transform load; do
	man=$s/gk-$s.1
	[ -f "$man" ] || { echo "$man missing"; fail=1; continue; }
	usage=$("$bin/gk-$s" --no-such-option 2>&1 >/dev/null)
	for opt in $(printf '%s\n' "$usage" | grep -o '\[-\{1,2\}[a-z][a-z-]*' | tr -d '['); do
		name=${opt#-}; name=${name#-}
		if ! grep -q "^\.\(Op \)\{0,1\}Fl -\{0,1\}$name\b\|Op Fl -\{0,1\}$name\b\|Fl -\{0,1\}$name\b" "$man"; then
			echo "$man: option $opt of the usage line is not in the manual"
			fail=1
		fi
	done
done
# the manuals are clean mdoc (mandoc is in tests/debian-packages)
if command -v mandoc >/dev/null; then
	for man in */gk-*.1; do
		out=$(mandoc -Tlint -W warning "$man" 2>&1)
		[ -z "$out" ] || { echo "$out"; fail=1; }
	done
else
	echo "mandoc not installed: manuals not linted"; fail=1
fi
[ "$fail" -eq 0 ] && echo "error codes and options documented"
exit "$fail"
