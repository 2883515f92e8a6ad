#!/usr/bin/env python3
"""Streams of gk-transform records for the load bench (make bench: tests/bench.sh).

usage: mkload.py FIRST COUNT [RUN]

Writes reports FIRST .. FIRST+COUNT-1 to standard output: a doc record,
a report record, one metric record per key and a check, as gk-transform
writes them.  Report i is agency i // 17 and year 2008 + i % 17, so no two
are of one agency and year: the legacy form up to 2018 (74 values),
gov2019 for 2019 and 2020 (198), gov2021 after (200), with the keys of the
corpus's truth files and values that vary from report to report (and
from RUN to RUN when given: a second load is then a change).  As on the
real site, a report fails 0 to 3 checks (most none: the kinds the
transform gives), and one in 20 is found at a second URL too (a copy with
the same values: two places in sources/).
"""
import hashlib
import random
import sys

TRUTH = {
    "legacy": "tests/corpus/truth/003_937a84458300fa66.tsv",
    "gov2019": "tests/corpus/truth/000_0e252554ad65cb5c.tsv",
    "gov2021": "tests/corpus/synthetic/truth/syn001.tsv",
}


# the checks a report fails, as gk-transform names them
CHECKS = ("row_total", "closed_total", "balance", "appeals_total", "template_shape")


def keys(path):
    with open(path, encoding="utf-8") as f:
        next(f)
        return [line.split("\t", 1)[0] for line in f]


def main():
    first, count = int(sys.argv[1]), int(sys.argv[2])
    run = sys.argv[3] if len(sys.argv) > 3 else None
    k = {t: keys(p) for t, p in TRUTH.items()}
    out = sys.stdout
    w = out.write
    for i in range(first, first + count):
        rnd = random.Random(i if run is None else '%d-%s' % (i, run))
        agency = "青岛市第%d局" % (i // 17)
        year = 2008 + i % 17
        tmpl = "legacy" if year <= 2018 else "gov2019" if year <= 2020 else "gov2021"
        page = "https://www.qingdao.gov.cn/zwgk/bench/%d/t%d.shtml" % (year, i)
        rid = hashlib.sha256(page.encode()).hexdigest()[:16]
        sha = hashlib.sha256(b"%d" % i).hexdigest()
        title = "%s%d年政府信息公开工作年度报告" % (agency, year)
        w("doc\t%s\t%s\t%s\tcache/%s\t%s\t80000\thtml\t%s\t%s\t%d-03-01\t2026-01-01T00:00:00Z\tnew\n"
          % (rid, page, page, sha, sha, title, agency, year + 1))
        w("report\t%s\t%s\t%s\t%d\t%s\t%s\tnew\t%s\t%d-03-01\n"
          % (rid, page, agency, year, tmpl, rid, title, year + 1))
        copy = []
        for n, key in enumerate(k[tmpl], 1):
            v = rnd.randrange(0, 60) if rnd.random() < 0.6 else 0
            copy.append("metric\t%s\t%s\t%d\t\t%d\t\t%s\t%d\t1\t%d\t3\t\n" % (rid, key, v, v, rid, n, n))
        nchecks = rnd.choice((0, 0, 0, 0, 1, 1, 2, 3))
        for c in range(nchecks):
            name = CHECKS[(i + c) % len(CHECKS)]
            copy.append("check\t%s\t%s\tnew.%d\t5\t4\t%s: the parts add up to 5, but the total is 4\n"
                        % (rid, name, c, name))
        w("".join(copy))
        if i % 20 == 7:
            # the same report at a second URL: one more place, no more report
            page2 = page.replace("/bench/", "/bench2/")
            rid2 = hashlib.sha256(page2.encode()).hexdigest()[:16]
            w("doc\t%s\t%s\t%s\tcache/%s\t%s\t80000\thtml\t%s\t%s\t%d-03-01\t2026-01-01T00:00:00Z\tnew\n"
              % (rid2, page2, page2, sha, sha, title, agency, year + 1))
            w("report\t%s\t%s\t%s\t%d\t%s\t%s\tnew\t%s\t%d-03-01\n"
              % (rid2, page2, agency, year, tmpl, rid2, title, year + 1))
            for line in copy:
                w(line.replace(rid, rid2))


if __name__ == "__main__":
    main()
