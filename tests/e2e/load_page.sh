#!/bin/sh
# data/index.html in real headless Chromium: the page opens from disk, and
# the DOM Chromium builds holds the figures of the TSV files, worked out
# here again with awk: reports per year and template, the reports whose
# checks fail (carry_chain included), the per-year chart's bars (sums of
# series/ over the distinct reports: a report given twice, at two places,
# counts once) and the per-agency chart.  A screenshot is taken too (kept with GK_KEEP=dir).
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
syn=tests/corpus/synthetic/truth
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
[ -n "$chrome" ] || { echo "chromium is not installed (load/debian-packages)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/s"
for d in $(cut -f1 $syn/reports.tsv | sed 1d); do sh $mk $syn "$d"; done >>"$t/s"
sh $mk $syn syn001 hz2023 "洪泽区人民政府" 2023 >>"$t/s"
sh $mk $syn syn008 hz2024 "淮安市洪泽区人民政府" 2024 >>"$t/s"
# the same report again, found at another page: one report, counted once
sh $mk $syn syn006 syn006-again >>"$t/s"
printf 'error\tdeadbeef00000000\textract\tcorrupt\tthe <xref> table is damaged\n' >>"$t/s"
"$bin/gk-load" -a config/agency-aliases.tsv "$t/d" <"$t/s"
[ $? -eq 1 ] || fail "gk-load exit status"

run_chrome() {
	env -u DBUS_SESSION_BUS_ADDRESS "$chrome" --headless --no-sandbox \
	    --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --user-data-dir="$t/profile" "$@" 2>>"$t/chrome.log"
}
run_chrome --dump-dom "file://$t/d/index.html" >"$t/dom.html"
grep -q '<svg id="chart-per-year"' "$t/dom.html" || { tail "$t/chrome.log"; fail "no DOM from Chromium"; }
run_chrome --window-size=1200,2600 --screenshot="$t/shot.png" "file://$t/d/index.html" >/dev/null
[ -s "$t/shot.png" ] || fail "no screenshot"
[ -n "${GK_KEEP:-}" ] && cp "$t/shot.png" "$t/dom.html" "$GK_KEEP"/

# What the files say, worked out with awk.
[ "$(rows "$t/d" reports | wc -l)" -eq 19 ] || fail "not 19 reports (syn006, given twice, once)"
rows "$t/d" reports | awk -F '\t' '{ t = ($5 == "gov2019" || $5 == "gov2021" || $5 == "legacy") ? $5 : "other"; n[$4 " " t]++ }
    END { for (k in n) print "count", k, n[k] }' >"$t/want"
rows "$t/d" checks | awk -F '\t' '!s[$1]++ { print "failing", $1 }' >>"$t/want"
rows "$t/d" series | awk -F '\t' '{
	if ($4 == "requests.received") r[$3] += $5
	if ($4 == "requests.granted") g[$3] += $5
	if ($4 == "requests.denied") d[$3] += $5
	y[$3] = 1 }
    END { for (k in y) print "bar", k, r[k] + 0, g[k] + 0, d[k] + 0 }' >>"$t/want"
hz=$(report_of "$t/d" hz2024)
grep -q "failing $hz" "$t/want" || fail "test data: no carry_chain failure for hz2024"

# What Chromium's DOM shows.
python3 - "$t/dom.html" >"$t/got" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.out = []; self.ctx = []; self.row = None; self.cell = None; self.agency_rects = 0; self.err_rows = 0
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag in ("table", "svg"):
            self.ctx.append(a.get("id"))
        cur = self.ctx[-1] if self.ctx else None
        if tag == "tr" and cur == "reports-per-year" and "data-year" in a:
            self.row = a["data-year"]
        if tag == "td" and cur == "reports-per-year" and self.row is not None and "data-template" in a:
            self.cell = (self.row, a["data-template"])
        if tag == "tr" and cur == "failing-reports" and "data-report" in a:
            self.out.append("failing %s" % a["data-report"])
        if tag == "tr" and cur == "errors":
            self.err_rows += 1
        if tag == "rect" and cur == "chart-per-year" and "data-series" in a:
            self.bars = getattr(self, "bars", {})
            self.bars.setdefault(a["data-key"], {})[a["data-series"]] = a["data-value"]
        if tag == "rect" and cur == "chart-per-agency" and "data-series" in a:
            self.agency_rects += 1
    def handle_endtag(self, tag):
        if tag in ("table", "svg") and self.ctx:
            self.ctx.pop()
        if tag == "tr":
            self.row = None
    def handle_data(self, d):
        if self.cell and d.strip():
            if d.strip() != "0":
                self.out.append("count %s %s %s" % (self.cell[0], self.cell[1], d.strip()))
            self.cell = None
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
for y, s in getattr(p, "bars", {}).items():
    p.out.append("bar %s %s %s %s" % (y, s["received"], s["granted"], s["denied"]))
print("\n".join(p.out))
PY
sort "$t/want" >"$t/w"; sort "$t/got" >"$t/g"
cmp -s "$t/w" "$t/g" || { diff "$t/w" "$t/g"; fail "the page and the files disagree"; }
echo "page: $(grep -c '^count' "$t/g") year/template counts, $(grep -c '^failing' "$t/g") failing reports, $(grep -c '^bar' "$t/g") years of bars agree with the files"
# Each agency of the chart has 1 received and 7 outcome bars.
na=$(rows "$t/d" reports | cut -f2 | sort -u | wc -l)
python3 - "$t/dom.html" "$na" <<'PY' || fail "per-agency chart"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
svg = dom[dom.index('<svg id="chart-per-agency"'):]
svg = svg[:svg.index("</svg>")]
n = len(re.findall(r'<rect class="(received|outcome)"', svg))
want = min(int(sys.argv[2]), 30) * 8
print("per-agency chart: %d bars for %s agencies" % (n, sys.argv[2]))
sys.exit(0 if n == want else 1)
PY
grep -q 'the &lt;xref&gt; table is damaged' "$t/dom.html" || fail "the error row is missing or not escaped"
echo "page: ok"
