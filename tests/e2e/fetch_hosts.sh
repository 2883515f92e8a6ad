#!/bin/sh
# Politeness per host, timed on the server: two hosts of one server
# (127.0.0.1 and localhost) crawled at once.  127.0.0.1 has its own
# host-per-host 1 and host-delay-ms 60; localhost has the default per-host 2
# and delay-ms 0, but its robots.txt (tests/site/www/robots-localhost.txt)
# says Crawl-delay: 0.1.  Each host's request starts keep its own spacing,
# 127.0.0.1 never has two requests at once, and the two hosts do not wait
# for each other.
set -u
bin=${GK_BIN:-bin}
. tests/httpd/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
curl -s -o /dev/null "http://localhost:$PORT/robots.txt" ||
    { echo "localhost does not reach the test server on 127.0.0.1"; exit 77; }
: >"$TIMELOG"
cat tests/site/fetch-test.conf - >"$TMPD/hosts.conf" <<'EOC'
delay-ms 0
host-per-host 127.0.0.1 1
host-delay-ms 127.0.0.1 60
max-crawl-delay-ms 5000
EOC
"$bin/gk-fetch" -c "$TMPD/hosts.conf" --start "$BASE/zwgk/qxgk/ndbg/index.shtml" \
    --start "http://localhost:$PORT/zwgk/qxgk/fjlb/index.shtml" --state "$TMPD/st" \
    >"$TMPD/out" 2>"$TMPD/err"
rc=$?
cat "$TMPD/err"
[ $rc -eq 1 ] || fail "exit $rc, want 1 (the sites' dead links)"
grep -q "	http://localhost:$PORT/zwgk/qxgk/fjlb/202103/P020210309512345.pdf	" "$TMPD/out" ||
    fail "no document from localhost"
grep -q "	$BASE/zwgk/qxgk/ndbg/202203/P02022030200026.pdf	" "$TMPD/out" ||
    fail "no document from 127.0.0.1"

# per host: the least and the mean gap between two request starts, the
# most requests at once; the least gap between a start on one host and one
# on the other
sort -k2,2n "$TIMELOG" | awk '
{
	h = $1; s = $2; e = $3; n[h]++
	# robots.txt opens the connection (localhost: ::1 first), so the server
	# sees it late: gaps are counted between the other requests
	if ($4 != "/robots.txt") {
		if (h in last) {
			if (!(h in gap) || s - last[h] < gap[h]) gap[h] = s - last[h]
			sum[h] += s - last[h]; ngap[h]++
		}
		last[h] = s
	}
	k = 0
	for (i = 1; i <= m; i++) if (host[i] == h && end[i] > s) k++
	if (k + 1 > most[h]) most[h] = k + 1
	m++; host[m] = h; start[m] = s; end[m] = e
	for (i = 1; i < m; i++) if (host[i] != h) { d = s - start[i]; if (!cross || d < cross) cross = d }
}
END { for (h in n) printf "%s %d %.0f %d %.0f\n", h, n[h], gap[h], most[h], ngap[h] ? sum[h] / ngap[h] : 0; printf "cross %.0f\n", cross }' >"$TMPD/gaps"
cat "$TMPD/gaps"
# The server stamps a request when its thread runs, so on a loaded machine
# one start can be stamped late and the next gap looks short by as much:
# the least gap must be over half the delay (a client that does not wait
# gives a few ms), the mean gap over 80 % of it (a delay halved fails).
awk '
$1 == "127.0.0.1" { ip = 1; if ($2 < 8 || $3 < 30 || $5 < 48 || $4 != 1) bad = bad " 127.0.0.1(n " $2 " gap " $3 " ms, mean " $5 " ms, at once " $4 ")" }
$1 == "localhost" { lh = 1; if ($2 < 7 || $3 < 50 || $5 < 80 || $4 > 2) bad = bad " localhost(n " $2 " gap " $3 " ms, mean " $5 " ms, at once " $4 ")" }
$1 == "cross" && $2 >= 40 { bad = bad " the hosts waited for each other (" $2 " ms)" }
END { if (!ip || !lh) bad = bad " a host is missing"; if (bad != "") { print bad; exit 1 } }' "$TMPD/gaps" ||
    fail "politeness per host"
echo "ok: 127.0.0.1 one at a time, >= 60 ms apart (host-per-host, host-delay-ms); localhost >= 100 ms apart (Crawl-delay); the hosts independent"
