#!/bin/sh
# The crawl's cost (make bench): the family of sites (tests/site/family,
# the shipped configuration, delay 0) and a generated local site of 2,000
# report pages (tests/bench/mkcrawlsite.py, 10 paginated columns), each
# served by tests/httpd/server.py on 127.0.0.1: the first night, an
# unchanged night (the listings to their first page of known entries, the
# documents the schedule says), and an unchanged --full night, a day
# apart (GK_FETCH_NOW).  Requests
# (the server's count), bodies, state bytes written (gk-fetch's summary),
# wall time at delay 0, and the least time the shipped politeness would
# take (delay-ms 500 between two request starts to one host).
# Prints rows of make bench's table (markdown); BENCH_CRAWL pages (2,000).
set -u
bin=${1:-bin}
pages=${BENCH_CRAWL:-2000}
site=$(mktemp -d)
/usr/bin/python3 tests/bench/mkcrawlsite.py "$site/www" "$pages" >/dev/null
SRV_VHOSTS=tests/site/family
. tests/httpd/lib.sh
trap 'cleanup; rm -rf "$site"' EXIT
printf 'delay-ms 0\nper-host 4\nmax-connections 16\nmax-listing-pages 5000\n' | cat tests/site/fetch-test.conf - >"$TMPD/gen.conf"

# night NAME DAYS ARGS...: one run, DAYS after the first (the run's clock:
# GK_FETCH_NOW); its row
now=$(date +%s)
night() {
	name=$1 days=$2 tag=$3; shift 3
	: >"$SRVLOG"
	: >"$TIMELOG"
	t0=$(date +%s.%N)
	GK_FETCH_NOW=$((now + days * 86400)) "$bin/gk-fetch" "$@" >/dev/null 2>"$TMPD/err"
	t1=$(date +%s.%N)
	reqs=$(wc -l <"$SRVLOG")
	bodies=$(sed -n 's/.* \([0-9]*\) bodies.*/\1/p' "$TMPD/err")
	state=$(sed -n 's/.*state +\([0-9]*\) bytes.*/\1/p' "$TMPD/err")
	# politeness: the busiest host's requests, 0.5 s apart
	busiest=$(awk '{ n[$1]++ } END { m = 0; for (h in n) if (n[h] > m) m = n[h]; print m }' "$TIMELOG")
	floor=$(echo "($busiest - 1) * 0.5" | bc)
	target= verdict=
	case $tag in
	*_same) target="an unchanged night in minutes (< 10 min at the shipped politeness)"
		verdict=$(awk -v f="$floor" 'BEGIN { if (f < 600) print "**met**"; else printf "**missed**: ≥ %.0f s\n", f }') ;;
	esac
	printf '| crawl: %s | %d requests, %s bodies, state +%s B, %.1f s wall at delay 0 | ≥ %.0f s at the shipped delay-ms 500 | | %s | %s |\n' "$name" \
	    "$reqs" "$bodies" "$state" "$(echo "$t1 - $t0" | bc)" "$floor" "$target" "$verdict"
}
fam() {
	night "$1" "$2" "$4" -c tests/site/family-test.conf --connect-to ":443:127.0.0.1:$TLSPORT" \
	    --connect-to "::127.0.0.1:$PORT" --state "$TMPD/fam" $3
}
fam "family (11 hosts): first night" 0 "" fam_first
fam "family: unchanged night" 1 "" fam_same
fam "family: unchanged, --full" 2 "--full" famfull


# the generated site: its own server
kill "$srv_pid" 2>/dev/null; wait "$srv_pid" 2>/dev/null
rm -f "$TMPD/port"
"$PY" tests/httpd/server.py --root "$site/www" --port-file "$TMPD/port" --log "$SRVLOG" --timelog "$TIMELOG" &
srv_pid=$!
i=0
while [ ! -s "$TMPD/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
base=http://127.0.0.1:$(cat "$TMPD/port")
starts=
for c in 0 1 2 3 4 5 6 7 8 9; do starts="$starts --start $base/zwgk/col$c/gknb/index.shtml"; done
# shellcheck disable=SC2086
night "$pages pages: first night" 0 gen_first -c "$TMPD/gen.conf" $starts --state "$TMPD/gen"
# shellcheck disable=SC2086
night "$pages pages: unchanged night" 1 gen_same -c "$TMPD/gen.conf" $starts --state "$TMPD/gen"
# shellcheck disable=SC2086
night "$pages pages: unchanged, --full" 2 genfull -c "$TMPD/gen.conf" $starts --state "$TMPD/gen" --full
printf '| crawl: the state file after it | %s bytes | | | | |\n' "$(wc -c <"$TMPD/gen/fetch.state")"
