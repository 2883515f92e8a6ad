#!/usr/bin/python3
"""New reports for the producer matrix: HTML report pages with their truth.

usage: /usr/bin/python3 tests/matrix/make-reports.py [--seed N] [--count N] OUT

Writes OUT/docs/<id>.html (a report page shaped like the site's: title,
发布日期 / 来源 line, the text, the tables as <table> with rowspan/colspan),
OUT/truth/<id>.tsv, OUT/truth/reports.tsv, OUT/truth/checks.tsv and
OUT/MANIFEST.tsv, in the format of tests/corpus/truth.

Figures are new (drawn from the seed), for every template: gov2019 (report
years 2019-2020), gov2021 (2021-2025), legacy 统计表 (2008-2018, the rows of
Qingdao's 2018 form), with now and then the other form than the year's
(some agencies used the old form late).  They satisfy every check of
SCHEMA.md except in the reports where one failure is planted (MANIFEST's
`planted`; truth/checks.tsv lists exactly what then fails).  Agencies are
real Qingdao names taken from the corpus, the variants and the site notes.

Tables, labels, the printed form of a figure, the text around the tables
and the truth (value/raw/unit/flags, failed checks) are those of
tests/variants/make-variants.py, imported, so that one copy of those rules
exists; quirks of templates.md §6 are drawn at random from its list.
Same seed, same bytes.
"""
import importlib.util
import os
import random
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location(
    'make_variants', os.path.join(ROOT, 'tests', 'variants', 'make-variants.py'))
mv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mv)

SEED = 20261202

# Real Qingdao agencies, as the corpus, the variants and the site notes
# print them (tests/corpus, tests/variants, /work/shared/site/README.md).
AGENCIES = [
    '青岛市人民政府', '市民营经济局', '青岛市国资委', '青岛西海岸新区商务局',
    '青岛高新技术产业开发区管理委员会', '青岛市发展和改革委员会', '青岛市市场监督管理局',
    '青岛市人民防空办公室', '平度市卫生健康局', '青岛市住房和城乡建设局',
    '胶州市九龙街道办事处', '市南区自然资源局', '城阳区城阳街道办事处',
    '青岛市大数据发展管理局', '市南区人民政府', '城阳区财政局', '市北区自然资源局',
    '青岛市崂山区沙子口街道办事处', '即墨区龙山街道办事处', '青岛市黄岛区人民政府',
    '莱西市教育体育局', '青岛市李沧区卫生健康局', '胶州市市场监督管理局',
    '平度市人民政府办公室', '青岛市城市管理局', '市北区人民政府', '西海岸新区应急管理局',
    '青岛市医疗保障局', '崂山区王哥庄街道办事处', '青岛市司法局', '莱西市水集街道办事处',
    '青岛市退役军人事务局', '城阳区棘洪滩街道办事处', '青岛市交通运输局',
    '即墨区人力资源和社会保障局', '青岛市海洋发展局', '黄岛区薛家岛街道办事处',
    '青岛市文化和旅游局', '平度市南村镇人民政府', '青岛市生态环境局李沧分局',
]
# the legacy form: labels and units of Qingdao's 2018 统计表 (seed 003)
LEGACY_FORM = os.path.join(ROOT, 'tests', 'corpus', 'truth', '003_937a84458300fa66.tsv')

# quirks (make-variants.py's names) drawn for a new report; the ones that
# change the table's structure are kept for the variants themselves
QUIRKS_GOV = ['nonum', 'halfwidth', 'fwdigits', 'numsep', 'spaces', 'breaks', 'typo',
              'carry_wording', 'thousands', 'fullwidth', 'signs', 'unit_in_cell', 'blanks',
              'zero_blank', 'nbsp', 'caption_spaces', 'head_breaks', 'prose_numbers',
              'placeholder', 'indent', 'yuan']
QUIRKS_LEG = ['halfwidth', 'fwdigits', 'indent', 'spaces', 'breaks', 'thousands',
              'fullwidth', 'blanks', 'zero_blank', 'nbsp']


def small(rng, hi, p_zero=0.55):
    """A count as reports print them: mostly 0, sometimes a few, rarely many."""
    if rng.random() < p_zero:
        return 0
    if rng.random() < 0.8:
        return rng.randint(1, max(1, hi // 10))
    return rng.randint(1, hi)


def gov_figures(rng, form, scale):
    vals = {}
    keys = mv.keys_of(form)
    for k in keys:
        if k.startswith('active.'):
            col = k.rsplit('.', 1)[1]
            if col == 'change':
                v = rng.randint(-scale * 5, scale * 5) if rng.random() < 0.5 else 0
            elif col == 'amount':
                v = Decimal(rng.randint(0, scale * 4000)) / Decimal(rng.choice([1, 10, 100, 10000]))
            else:
                v = small(rng, scale * 200, 0.35)
            vals[k] = format(v, 'f') if isinstance(v, Decimal) else str(v)
    results = [r for r in mv.RESULT_ROWS
               if ('requests.%s.person' % r) in keys]
    for a in mv.APPLICANTS[:6]:
        hi = scale * (30 if a == 'person' else 6)
        rs = {r: small(rng, hi, 0.6 if r != 'granted' else 0.2) for r in results}
        closed = sum(rs.values())
        out = small(rng, max(2, closed // 4 + 1), 0.6)
        cin = rng.randint(0, closed + out) if rng.random() < 0.4 else 0
        new = closed + out - cin
        for r, v in rs.items():
            vals['requests.%s.%s' % (r, a)] = str(v)
        vals['requests.closed_total.%s' % a] = str(closed)
        vals['requests.carried_out.%s' % a] = str(out)
        vals['requests.carried_in.%s' % a] = str(cin)
        vals['requests.new.%s' % a] = str(new)
    for r in ['new', 'carried_in'] + results + ['closed_total', 'carried_out']:
        vals['requests.%s.total' % r] = str(sum(int(vals['requests.%s.%s' % (r, a)])
                                               for a in mv.APPLICANTS[:6]))
    for g in mv.GROUPS4:
        four = [small(rng, scale * 3, 0.7) for _ in range(4)]
        for c, v in zip(mv.COLS4[:4], four):
            vals['appeals.%s.%s' % (g, c)] = str(v)
        vals['appeals.%s.total' % g] = str(sum(four))
    return vals


def plant(rng, vals, form):
    """One inconsistency, as reports carry them; returns its name."""
    kind = rng.choice(['row_total', 'closed_total', 'balance', 'appeals_total',
                       'total_column_zero'])
    if kind == 'row_total':
        r = rng.choice(['new', 'granted', 'closed_total'])
        k = 'requests.%s.total' % r
        vals[k] = str(int(vals[k]) + rng.randint(1, 3))
    elif kind == 'closed_total':
        a = rng.choice(mv.APPLICANTS[:6])
        k = 'requests.granted.%s' % a
        vals[k] = str(int(vals[k]) + 1)
        t = 'requests.granted.total'
        vals[t] = str(int(vals[t]) + 1)
    elif kind == 'balance':
        a = rng.choice(mv.APPLICANTS[:6])
        for k in ('requests.carried_in.%s' % a, 'requests.carried_in.total'):
            vals[k] = str(int(vals[k]) + 2)
    elif kind == 'appeals_total':
        g = rng.choice(mv.GROUPS4)
        k = 'appeals.%s.total' % g
        vals[k] = str(int(vals[k]) + 1)
    else:
        for k in list(vals):
            if k.startswith('requests.') and k.endswith('.total'):
                vals[k] = '0'
    return kind


def legacy_figures(rng, scale):
    vals, units = {}, {}
    for r in mv.read_tsv(LEGACY_FORM):
        k = r['metric']
        units[k] = r['unit']
        if rng.random() < 0.12:
            vals[k] = ''
        else:
            vals[k] = str(small(rng, scale * 100, 0.4))
    return vals, units


def template_of(rng, year):
    if year <= 2018:
        return 'legacy'
    if year <= 2020:
        return 'gov2021' if rng.random() < 0.05 else 'gov2019'
    return 'gov2019' if rng.random() < 0.08 else 'gov2021'


def main():
    args = sys.argv[1:]
    seed, count = SEED, 24
    while args and args[0].startswith('--'):
        if args[0] == '--seed':
            seed = int(args[1]); args = args[2:]
        elif args[0] == '--count':
            count = int(args[1]); args = args[2:]
        else:
            sys.exit('make-reports.py: unknown option ' + args[0])
    if len(args) != 1:
        sys.exit('usage: make-reports.py [--seed N] [--count N] OUT')
    out = args[0]
    mv.SEED = seed      # the variants' per-report draws follow our seed
    rng = random.Random(seed)
    for sub in ('docs', 'truth'):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    reports = [('doc', 'agency', 'year', 'template')]
    checks = [('doc', 'check', 'where', 'expected', 'found')]
    manifest = [('doc', 'template', 'year', 'agency', 'quirks', 'planted', 'failing_checks')]
    agencies = list(AGENCIES)
    rng.shuffle(agencies)
    for i in range(count):
        # years spread over 2008-2025, every template in every batch
        year = [2008 + (i * 7 + seed) % 11, 2019 + (i + seed) % 2, 2021 + (i * 3 + seed) % 5][i % 3]
        form = template_of(rng, year)
        agency = agencies[i % len(agencies)]
        tag = {'legacy': 'leg', 'gov2019': 'g19', 'gov2021': 'g21'}[form]
        rid = 'n%d_%02d_%s' % (seed % 1000, i, tag)
        pool = QUIRKS_LEG if form == 'legacy' else QUIRKS_GOV
        quirks = rng.sample(pool, rng.randint(0, 4))
        v = mv.Variant(rid, 'html', form, '', agency, str(year), quirks)
        scale = rng.choice([1, 1, 2, 5, 20])
        planted = ''
        if form == 'legacy':
            vals, units = legacy_figures(rng, scale)
            tables = [mv.legacy_table(v, vals, units)]
            keys = []
        else:
            vals = gov_figures(rng, form, scale)
            if rng.random() < 0.2:
                planted = plant(rng, vals, form)
            tables = [mv.table2(v, vals), mv.table3(v, vals, form), mv.table4(v, vals)]
            keys = mv.keys_of(form)
        truth = mv.collect(v, tables)
        fails = mv.compute_checks(v, truth, form, keys)
        parts = mv.paragraphs(v, vals, tables)
        mv.write_html(v, parts, os.path.join(out, 'docs', rid + '.html'))
        with open(os.path.join(out, 'truth', rid + '.tsv'), 'w', encoding='utf-8') as f:
            f.write('metric\tvalue\traw\tunit\tflags\n')
            done = set()
            for k, (val, raw, unit, flags) in truth:
                if k not in done:
                    done.add(k)
                    f.write('%s\t%s\t%s\t%s\t%s\n' % (k, val, raw, unit, flags))
        reports.append((rid, agency, str(year), form))
        for c in fails:
            checks.append((rid,) + tuple(str(x) for x in c))
        manifest.append((rid, form, str(year), agency, ','.join(sorted(quirks)), planted,
                         str(len(fails))))
    for name, rows in (('truth/reports.tsv', reports), ('truth/checks.tsv', checks),
                       ('MANIFEST.tsv', manifest)):
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write(''.join('\t'.join(r) + '\n' for r in rows))
    print('%d reports in %s' % (count, out), file=sys.stderr)


if __name__ == '__main__':
    main()
