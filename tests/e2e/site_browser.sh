#!/bin/sh
# The static site (load/site*.c) in real headless Chromium, driven over the
# DevTools protocol (tests/e2e/site_cdp.py), at 390 px (a phone) and
# 1366 px:
# - nothing on any page is wider than the viewport (tables scroll inside
#   their box);
# - index.html lists every report of reports/; the search box, the year
#   filter and "failing checks only" show exactly the reports they should
#   (worked out here from the TSV files);
# - a report page shows every value of metrics/ for that report, in its
#   cell, and marks the cells of its failing checks;
# - an agency page lists the agency's reports; the checks and coverage
#   pages are there.
# Screenshots are taken (kept with GK_KEEP=dir, for a person to look at).
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
syn=tests/corpus/synthetic/truth
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
[ -n "$chrome" ] || { echo "chromium is not installed (tests/debian-packages)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/s"
for d in $(cut -f1 $syn/reports.tsv | sed 1d); do sh $mk $syn "$d"; done >>"$t/s"
sh $mk $syn syn001 hz2023 "洪泽区人民政府" 2023 >>"$t/s"
sh $mk $syn syn008 hz2024 "淮安市洪泽区人民政府" 2024 >>"$t/s"
sh $mk $syn syn010 cy2018 "城阳区财政局" 2018 >>"$t/s"	# 2016, 2018: a hole
"$bin/gk-load" -a config/agency-aliases.tsv "$t/d" <"$t/s" || fail "gk-load: exit $?"
# the gk version and the generation time on every page; a reload of the
# same data makes no new generation, so the site stays byte for byte the
# same
grep -q "Made by gk $(cat VERSION) on <time id=\"generated\">20[0-9-]* [0-9:]* UTC</time>" "$t/d/index.html" ||
    fail "index.html: no gk version or generation time"
cp -RL "$t/d/current" "$t/d1"
"$bin/gk-load" -a config/agency-aliases.tsv "$t/d" <"$t/s" || fail "gk-load again: exit $?"
diff -r "$t/d1" "$t/d/current/" >/dev/null || fail "the same data loaded again changed the site"
[ "$(ls "$t/d/site/r" | wc -l)" -eq "$(awk 'FNR > 1' "$t/d"/reports/*.tsv | wc -l)" ] || fail "not one page per report"

PYTHONPATH=tests/e2e python3 - "$chrome" "$t" "${GK_KEEP:-}" <<'PY' || fail "the site in Chromium"
import csv, os, shutil, sys
from site_cdp import Browser
chrome, t, keep = sys.argv[1:4]
d = t + "/d"
def tsv(name):
    # a folder of partitions (reports/2020.tsv, ...), each with its header
    rows = []
    for part in sorted(os.listdir(os.path.join(d, name))):
        with open(os.path.join(d, name, part), encoding="utf-8", newline="") as f:
            rows += list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows
reports, metrics, checks = tsv("reports"), tsv("metrics"), tsv("checks")
ids = [r["report"] for r in reports]
failing = sorted(set(c["report"] for c in checks))
fails = 0
def check(ok, what):
    global fails
    if not ok:
        fails += 1
        print("FAIL:", what)
b = Browser(chrome, t + "/profile")
try:
    # a report with failing checks, and its agency page
    rep = failing[0]
    agency = [r for r in reports if r["report"] == rep][0]["agency"]
    pages = ["index.html", "site/r/%s.html" % rep, "site/checks.html",
             "site/coverage.html", "site/agencies.html"]
    for width in (390, 1366):
        for p in pages:
            b.open("file://%s/%s" % (d, p), width)
            # mobile emulation widens the layout viewport to fit what is
            # too wide: measure against the width asked for
            sw, iw = b.js("[document.documentElement.scrollWidth, window.innerWidth]")
            check(sw <= width and iw == width, "%s at %d px: the page is %d px wide (viewport %d)" % (p, width, sw, iw))
            wide = b.js("""Array.from(document.querySelectorAll('body *')).filter(e => {
                const r = e.getBoundingClientRect(); return r.right > %d + 1 && !e.closest('.scroll');
              }).slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 30))""" % width)
            check(not wide, "%s at %d px: wider than the viewport: %s" % (p, width, wide))
            if keep:
                b.screenshot(os.path.join(keep, "%s-%d.png" % (p.replace("/", "_").replace(".html", ""), width)))

        # index: every report listed, and the filters
        b.open("file://%s/index.html" % d, width)
        listed = b.js("Array.from(document.querySelectorAll('#report-list tbody tr')).map(r => r.dataset.report)")
        check(sorted(listed) == sorted(ids), "index.html lists %d reports, reports.tsv has %d" % (len(listed), len(ids)))
        def shown():
            return sorted(b.js("Array.from(document.querySelectorAll('#report-list tbody tr')).filter(r => !r.hidden).map(r => r.dataset.report)"))
        def setf(expr):
            b.js(expr + "; document.getElementById('q').dispatchEvent(new Event('input'))")
        setf("document.getElementById('q').value = '洪泽'")
        want = sorted(r["report"] for r in reports if "洪泽" in r["agency"] + r["title"])
        check(shown() == want and want, "search 洪泽: shown %s, want %s" % (shown(), want))
        check(b.js("document.getElementById('shown').textContent") == "%d of %d reports" % (len(want), len(ids)), "the count of shown reports")
        setf("document.getElementById('q').value = ''; document.getElementById('f-year').value = '2020'")
        want = sorted(r["report"] for r in reports if r["year"] == "2020")
        check(shown() == want and want, "year 2020: shown %s, want %s" % (shown(), want))
        setf("document.getElementById('f-year').value = ''; document.getElementById('f-failing').checked = true")
        check(shown() == failing, "failing only: shown %s, want %s" % (shown(), failing))
        setf("document.getElementById('f-failing').checked = false; document.getElementById('q').value = 'closed_total 2019'")
        def text(r):
            cks = " ".join(c["check_name"] for c in checks if c["report"] == r["report"])
            return "".join((r["report"], r["agency"], r["year"], r["template"], r["title"], cks)).lower().replace(" ", "")
        want = sorted(r["report"] for r in reports if "closed_total" in text(r) and "2019" in text(r))
        check(shown() == want, "search 'closed_total 2019': shown %s, want %s" % (shown(), want))

    # every report page holds every value of the report, in its cell
    b.open("file://%s/index.html" % d, 1366)
    nvalues = 0
    for r in reports:
        b.open("file://%s/site/r/%s.html" % (d, r["report"]), 1366)
        got = b.js("Array.from(document.querySelectorAll('td[data-key]')).map(c => [c.dataset.key, c.dataset.value])")
        want = [[m["metric"], m["value"]] for m in metrics if m["report"] == r["report"]]
        check(sorted(map(tuple, got)) == sorted(map(tuple, want)),
              "%s: %d cells, metrics.tsv has %d values" % (r["report"], len(got), len(want)))
        nvalues += len(got)
        nck = len([c for c in checks if c["report"] == r["report"]])
        check(b.js("document.querySelectorAll('li[data-check]').length") == nck, "%s: %d failing checks listed" % (r["report"], nck))
        if nck:
            check(b.js("document.querySelectorAll('td.fail').length") > 0, "%s: no cell marked for its failing checks" % r["report"])
        blank = len([m for m in metrics if m["report"] == r["report"] and "blank" in m["flags"].split(",")])
        check(b.js("document.querySelectorAll('td.blank, td.fail[title*=blank]').length") == blank, "%s: %d blank cells marked" % (r["report"], blank))
    # the agency page: its reports
    b.open("file://%s/site/r/%s.html" % (d, rep), 1366)
    b.js("document.querySelector('.meta a').click()")
    b.wait_event("Page.loadEventFired")
    n = b.js("document.querySelectorAll('#agency-reports tbody tr').length")
    check(n >= len([r for r in reports if r["agency"] == agency]), "the agency page of %s lists %s reports" % (agency, n))
    check(b.js("document.querySelectorAll('#series tbody tr').length") == n, "the agency's series: a row per report")
    b.open("file://%s/site/coverage.html" % d, 1366)
    holes = b.js("Array.from(document.querySelectorAll('td[data-hole]')).map(c => c.closest('tr').querySelector('th').textContent + ' ' + document.querySelectorAll('#coverage thead th')[c.cellIndex].textContent)")
    check(holes == ["城阳区财政局 2017"], "coverage holes: %s, want 城阳区财政局 2017" % holes)
    print("site: %d reports listed, filtered, %d values on their pages, at 390 and 1366 px" % (len(ids), nvalues))
finally:
    b.close()
sys.exit(1 if fails else 0)
PY
echo "site: ok"
