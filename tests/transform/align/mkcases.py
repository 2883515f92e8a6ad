#!/usr/bin/python3
"""Make the row-alignment cases of tests/transform/align/ (issue 12).

usage: /usr/bin/python3 tests/transform/align/mkcases.py BIN OUT_DIR

One report per form (gov2019, gov2021, legacy) is drawn by
tests/matrix/make-reports.py's figure rules (every count drawn non-zero, so
that a value under a wrong key shows) and printed as an HTML report page by
tests/variants/make-variants.py, with its truth; BIN/gk-fetch | gk-extract
turns the page into the stream gk-transform reads.  Each case then damages
the rows of that stream as printed tables damage them (a label misread, split
over two grid rows, left with its numbering only, a typo, two labels
swapped, a row left out, a row the form does not have) and works out the
truth of the damaged page from the undamaged truth, never from gk's output:
a damaged label keeps its row's values; swapped labels swap their rows'
values; a row left out loses its keys (and, in a national form, each key is a
template_shape failure, the other checks counting it as 0); an extra row
adds no value to a national form and its own key to a legacy 统计表.

Each case is one file: comment lines saying what it is, `#--- input`, the
stream, `#--- expect`, then the report's agency, year and template, every
metric (key, value, unit, raw, flags) and every failed check (name, where,
expected, found), as tests/e2e/transform_align.sh projects gk-transform's
output.  The files are the tests; this script is how they were made (run
again, it makes the same bytes for the same gk-extract).
"""
import importlib.util
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
_spec = importlib.util.spec_from_file_location(
    'make_reports', os.path.join(ROOT, 'tests', 'matrix', 'make-reports.py'))
mr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mr)
mv = mr.mv

SEED = 12


def nonzero(rng, hi, p_zero=0.55):
    """make-reports' counts without the zeros."""
    return rng.randint(1, max(9, hi))


mr.small = nonzero

BASES = {
    'gov2019': ('青岛市司法局', '2020'),
    'gov2021': ('青岛市海洋发展局', '2022'),
    'legacy': ('平度市卫生健康局', '2017'),
}


def base(form):
    agency, year = BASES[form]
    rng = random.Random('%d-%s' % (SEED, form))
    mv.SEED = SEED
    v = mv.Variant('align_' + form, 'html', form, '', agency, year, [])
    if form == 'legacy':
        vals, units = mr.legacy_figures(rng, 5)
        for k in vals:
            if vals[k] == '':
                vals[k] = str(rng.randint(1, 40))
        tables = [mv.legacy_table(v, vals, units)]
        keys = []
    else:
        vals = mr.gov_figures(rng, form, 5)
        tables = [mv.table2(v, vals), mv.table3(v, vals, form), mv.table4(v, vals)]
        keys = mv.keys_of(form)
    truth = mv.collect(v, tables)
    parts = mv.paragraphs(v, vals, tables)
    return v, tables, truth, keys, parts


def extract(bindir, v, parts):
    # a fixed place: the doc id is the hash of the file's URL
    d = '/tmp/gk-align-cases'
    os.makedirs(d, exist_ok=True)
    if True:
        path = os.path.join(d, v.id + '.html')
        mv.write_html(v, parts, path)
        fetched = subprocess.run([os.path.join(bindir, 'gk-fetch'), '-q', path],
                                 check=True, capture_output=True).stdout
        out = subprocess.run([os.path.join(bindir, 'gk-extract'), '-q'], input=fetched,
                             check=True, capture_output=True).stdout.decode('utf-8')
    recs = [l.split('\t') for l in out.split('\n') if l]
    for r in recs:
        if r[0] == 'doc':
            # the page as the site serves it, not as this machine's path
            url = 'http://www.qingdao.gov.cn/zwgk/gknb/%s.html' % v.id
            r[2] = r[3] = url
            r[4] = ''
            r[11] = '2026-01-01T00:00:00Z'
    return recs


# ------------------------------------------------------------ the stream's tables

def cells(recs):
    return [r for r in recs if r[0] == 'cell']


# a cell record: cell DOC SEQ TABLE ROW COL ROWSPAN COLSPAN TEXT PAGE
TABLE, ROW, COL, RS, CS, TEXT = 3, 4, 5, 6, 7, 8


def ci(r, i):
    return int(r[i])


def find(recs, label):
    hits = [r for r in cells(recs) if r[TEXT] == label]
    if len(hits) != 1:
        sys.exit('mkcases: %d cells print %r' % (len(hits), label))
    return hits[0]


def row_of(recs, cell):
    """The cells of cell's grid row right of it (its figures)."""
    t, row, col = cell[TABLE], ci(cell, ROW), ci(cell, COL)
    return [r for r in cells(recs) if r[TABLE] == t and ci(r, ROW) == row and ci(r, COL) > col]


def covering(recs, cell, row):
    """Cells of cell's table that span row from above, or start on it with rowspan > 1."""
    t = cell[TABLE]
    return [r for r in cells(recs) if r[TABLE] == t and r is not cell and
            ci(r, ROW) <= row <= ci(r, ROW) + ci(r, RS) - 1 and
            (ci(r, ROW) < row or ci(r, RS) > 1)]


def shift(recs, cell, below, by):
    t = cell[TABLE]
    for r in cells(recs):
        if r[TABLE] == t and ci(r, ROW) > below:
            r[ROW] = str(ci(r, ROW) + by)


def reseq(recs):
    seq = 0
    for r in recs:
        if r[0] in ('para', 'cell'):
            seq += 1
            r[2] = str(seq)
    return recs


def split_row(recs, label, at, figures_first):
    """label's row printed over two grid rows: label[:at] on the first,
    label[at:] on the second, its figures on the first or the second, blank
    cells beside the line alone (a grid without rulings)."""
    c = find(recs, label)
    row = ci(c, ROW)
    figs = row_of(recs, c)
    cov = covering(recs, c, row)
    shift(recs, c, row, 1)
    for r in cov:
        r[RS] = str(ci(r, RS) + 1)
    second = list(c)
    second[ROW] = str(row + 1)
    c[TEXT], second[TEXT] = label[:at], label[at:]
    blanks = []
    for f in figs:
        b = list(f)
        b[TEXT] = ''
        blanks.append(b)
        if not figures_first:
            f[ROW] = str(row + 1)
        else:
            b[ROW] = str(row + 1)
    i = recs.index(figs[-1]) + 1
    if figures_first:
        recs[i:i] = [second] + blanks
    else:
        j = recs.index(c) + 1
        recs[j:j] = blanks
        i = recs.index(figs[0])
        recs[i:i] = [second]
    return recs


def drop_row(recs, label):
    c = find(recs, label)
    row = ci(c, ROW)
    gone = [c] + row_of(recs, c)
    for r in covering(recs, c, row):
        if ci(r, ROW) == row:
            sys.exit('mkcases: a group label starts on the row left out')
        r[RS] = str(ci(r, RS) - 1)
    for r in gone:
        recs.remove(r)
    shift(recs, c, row, -1)
    return recs


def add_row(recs, after, label, figures):
    """A row the form does not have, printed after `after`'s, shaped as it."""
    c = find(recs, after)
    row = ci(c, ROW)
    figs = row_of(recs, c)
    if len(figs) != len(figures):
        sys.exit('mkcases: %s has %d figures' % (after, len(figs)))
    for r in covering(recs, c, row):
        if ci(r, ROW) + ci(r, RS) - 1 > row:
            r[RS] = str(ci(r, RS) + 1)
    shift(recs, c, row, 1)
    new = [list(c)] + [list(f) for f in figs]
    new[0][TEXT] = label
    for n, f in zip(new[1:], figures):
        n[TEXT] = f
    for n in new:
        n[ROW] = str(row + 1)
    i = recs.index(figs[-1]) + 1
    recs[i:i] = new
    return recs


def relabel(recs, label, new):
    find(recs, label)[TEXT] = new
    return recs


def swap(recs, a, b):
    ca, cb = find(recs, a), find(recs, b)
    ca[TEXT], cb[TEXT] = b, a
    return recs


# ------------------------------------------------------------ truth

def row_keys(tables, label):
    """The keys of the row whose (last) label cell prints label."""
    for rows in tables:
        for row in rows:
            if not row:
                continue
            lab = [c for c in row if c.key is None]
            if any('\n'.join(c.lines) == label for c in lab):
                return [c.key for c in row if c.key]
    sys.exit('mkcases: no row %r' % label)


def col(k):
    return k.rsplit('.', 1)[1] if not k.startswith('legacy.') else ''


def truth_swap(tables, truth, a, b):
    ka, kb = row_keys(tables, a), row_keys(tables, b)
    t = dict(truth)
    new = dict(t)
    for x, y in zip(ka, kb):
        new[x], new[y] = t[y], t[x]
    return [(k, new[k]) for k, _ in truth]


def truth_drop(tables, truth, label):
    ks = set(row_keys(tables, label))
    return [(k, t) for k, t in truth if k not in ks]


def legacy_section(tables, label):
    sec = None
    for rows in tables:
        for row in rows:
            if not row:
                continue
            t = '\n'.join(row[0].lines)
            if re.match('^[一二三四五六七八九十]+、', t):
                sec = t
            if t == label:
                return sec
    sys.exit('mkcases: no legacy row %r' % label)


# ------------------------------------------------------------ cases

def esc(s):
    return s.replace('\t', ' ').replace('\n', ' ')


def expect(v, form, truth, keys, extra_checks=()):
    lines = ['report\t%s\t%s\t%s' % (v.agency, v.year, form)]
    seen = set()
    for k, (val, raw, unit, flags) in truth:
        if k in seen:
            continue
        seen.add(k)
        lines.append('metric\t%s\t%s\t%s\t%s\t%s' % (k, val, unit, raw, flags))
    fails = mv.compute_checks(v, truth, form, keys)
    for c in list(fails) + list(extra_checks):
        lines.append('check\t%s\t%s\t%s\t%s' % tuple(str(x) for x in c))
    return sorted(lines)


def write(out, name, what, recs, exp):
    path = os.path.join(out, name + '.case')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# %s\n' % name)
        for l in what.strip().split('\n'):
            f.write('# %s\n' % l)
        f.write('# made by tests/transform/align/mkcases.py\n')
        f.write('#--- input\n')
        for r in reseq(recs):
            f.write('\t'.join(r) + '\n')
        f.write('#--- expect\n')
        for l in exp:
            f.write(l + '\n')


GOV19 = {
    'garbled': ('2.没有现成信息需要另行制作', '2.没有现戍倍息需耍另行制作',
                'OCR: 成 戍, 信 倍, 要 耍 (three of twelve characters)'),
    'typo': ('（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
             '（二）部份公开（区分处理的，只计这一情形，不计其他情形）', '部分 as 部份'),
    'number_only': ('（六）其他处理', '（六）', 'its numbering and no text'),
    'swapped': ('1.属于国家秘密', '2.其他法律行政法规禁止公开'),
    'missing': '3.危及“三安全一稳定”',
    'split': ('二、上年结转政府信息公开申请数量', 8, False),
    'split_note': ('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 19, False),
    'extra': ('行政强制', '行政强制执行', ['13', '-2', '11']),
}
GOV21 = {
    'garbled': ('5.要求行政机关确认或重新出具已获取信息', '5.要求行攻机关确认或重新出具己获取信怠',
                'OCR: 政 攻, 已 己, 息 怠 (three of nineteen characters)'),
    'typo': ('2.其他法律行政法规禁止公开', '2.其它法律行政法规禁止公开', '其他 as 其它'),
    'number_only': ('（一）予以公开', '（一）', 'its numbering and no text'),
    'swapped': ('行政处罚', '行政强制'),
    'missing': '行政许可',
    'split': ('四、结转下年度继续办理', 6, True),
    'extra': ('行政处罚', '行政处罚决定', ['7']),
}
LEG = {
    'garbled': ('2.政府网站公开政府信息数', '2.政府网站公幵政府倍息敉',
                'OCR: 开 幵, 信 倍, 数 敉 (three of eleven characters)'),
    'typo': ('1.按时办结数', '1.按时办节数', '结 as 节'),
    'number_only': ('（三）申请答复数', '（三）', 'its numbering and no text'),
    'swapped': ('1.当面申请数', '2.传真申请数'),
    'missing': '2.延期办结数',
    'split': ('（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', 12, True),
    'extra': ('4.信函申请数', '5.电话申请数', ['件', '17']),
}


def cases(bindir, out, form, spec):
    v, tables, truth, keys, parts = base(form)
    recs0 = extract(bindir, v, parts)

    def fresh():
        return [list(r) for r in recs0]

    write(out, form + '_clean', 'The report as printed, undamaged: the control of the cases '
          'beside it.', fresh(), expect(v, form, truth, keys))
    a, b, why = spec['garbled']
    write(out, form + '_garbled', 'A label misread (%s): %s printed %s; its row is placed by '
          'its neighbours, the values as printed.' % (why, a, b),
          relabel(fresh(), a, b), expect(v, form, truth, keys))
    a, b, why = spec['typo']
    write(out, form + '_typo', 'A typo (%s): %s printed %s; its row keeps its key.' % (why, a, b),
          relabel(fresh(), a, b), expect(v, form, truth, keys))
    a, b, why = spec['number_only']
    write(out, form + '_number_only', 'A label with only its numbering: %s printed %s, between '
          'its two neighbours: the row is placed by them.' % (a, b),
          relabel(fresh(), a, b), expect(v, form, truth, keys))
    a, b = spec['swapped']
    write(out, form + '_swapped', 'Two rows printed in each other\'s place: %s where %s is, '
          'and the other way round; each value goes with the label printed beside it.'
          % (b, a), swap(fresh(), a, b),
          expect(v, form, truth_swap(tables, truth, a, b), keys))
    a = spec['missing']
    left = truth_drop(tables, truth, a)
    write(out, form + '_missing', 'The row %s left out: its keys are not there (%s), no '
          'value under another key, the rows around it right.' % (
              a, 'template_shape, found 0, for each; the other checks count it as 0'
              if form != 'legacy' else 'a 统计表 requires no row: no check'),
          drop_row(fresh(), a), expect(v, form, left, keys))
    a, at, first = spec['split']
    write(out, form + '_split', 'The label %s over two grid rows (%s / %s, as a table '
          'without rulings prints it), the figures on the %s line, blank cells '
          'beside the other: one row.' % (a, a[:at], a[at:], 'first' if first else 'second'),
          split_row(fresh(), a, at, first), expect(v, form, truth, keys))
    if 'split_note' in spec:
        a, at, first = spec['split_note']
        write(out, form + '_split_note', 'The label %s over two grid rows (%s / %s), the '
              'figures on the second line, blank cells beside the first, which is the row\'s '
              'label by itself (its note in brackets cut): one row, its figures the second '
              'line\'s, found once.' % (a, a[:at], a[at:]),
              split_row(fresh(), a, at, first), expect(v, form, truth, keys))
    a, lab, figs = spec['extra']
    if form == 'legacy':
        sec = legacy_section(tables, a)
        k = 'legacy.%s.%s' % (mv.legacy_key(sec), mv.legacy_key(lab))
        extra = list(truth)
        i = [j for j, (kk, _) in enumerate(extra) if kk == row_keys(tables, a)[0]][0]
        extra.insert(i + 1, (k, (figs[1], figs[1], figs[0], '')))
        what = ('A row the known form does not have (%s, after %s): its own key, its '
                'figure counted once, the rows around it right.' % (lab, a))
    else:
        extra = truth
        what = ('A row the form does not have (%s, after %s, with figures %s): no key, no '
                'value counted twice, the rows around it right.' % (lab, a, ' '.join(figs)))
    write(out, form + '_extra', what, add_row(fresh(), a, lab, figs),
          expect(v, form, extra, keys))


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: mkcases.py BIN OUT_DIR')
    bindir, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for form, spec in (('gov2019', GOV19), ('gov2021', GOV21), ('legacy', LEG)):
        cases(bindir, out, form, spec)


if __name__ == '__main__':
    main()
