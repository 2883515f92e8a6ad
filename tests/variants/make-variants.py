#!/usr/bin/python3
"""Write variant reports with their truth into tests/variants/.

usage: /usr/bin/python3 tests/variants/make-variants.py   (Debian python3 with python3-docx)

The figures are those of the corpus truth files (tests/corpus, its synthetic
and tests/realworld); the labels are the templates' exact labels
(/work/shared/notes/templates.md §2-§4).  Each variant prints them with a few
of the deviations real reports show (templates.md §6): other agencies and
years, Qingdao-style pages, labels with or without numbering, half-width
brackets, full-width digits, spaces and line breaks inside labels, labels in
two cells, annotations, typos, an 8-column table 三, figures as 1,234 /
full-width / 减少N / +N / with units / in 元 / placeholders / blanks, tables
renumbered 一/二/三, a heading typo, the year only in the text, a legacy
统计表 with other local rows and a 序号 column.

The truth is computed here from what is printed, by SCHEMA.md's rules (value,
raw, unit, flags; failed checks with blank = 0, not_a_number skipping,
missing row = template_shape).  Fixed seed: running it again gives the same
files.  Formats: html (<table> with rowspan/colspan), htmlp (one <p> per cell
line), docx (python3-docx, vMerge/gridSpan).
"""
import html
import os
import random
import re
import sys
from decimal import Decimal

import docx
from docx.oxml.ns import qn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'tests', 'variants')
SEED = 20261125

# ---------------------------------------------------------------- values

UNITS = ['万元', '元', '件', '条', '次', '篇', '个', '人', '人次', '项', '家',
         '份', '期', '场', '日', '天', '%', '％']
SPACES = ' \t\n\r\f\v\u00a0\u3000\u202f\u205f\ufeff\u1680' + ''.join(
    chr(c) for c in range(0x2000, 0x200c))


def fold(s):
    """White space folded to one ASCII space, ends trimmed."""
    out, space = [], False
    for ch in s:
        if ch in SPACES:
            space = bool(out)
            continue
        if space:
            out.append(' ')
            space = False
        out.append(ch)
    return ''.join(out)


def to_ascii(s):
    r = []
    for ch in s:
        c = ord(ch)
        if 0xff01 <= c <= 0xff5e:
            ch = chr(c - 0xff01 + 0x21)
        elif ch in '\u2212\ufe63':
            ch = '-'
        if ch in SPACES:
            continue
        r.append(ch)
    return ''.join(r)


NUM = re.compile(r'^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(.*)$')


def wan(v):
    """元 -> 万元, exact."""
    d = (Decimal(v) / Decimal(10000)).normalize()
    s = format(d, 'f')
    return s


def parse(text, amount=False, fallback_unit=''):
    """SCHEMA.md: (value, raw, unit, flags) of a printed cell.  fallback_unit
    is the unit of the column header (amount columns) or of the legacy 单位
    column."""
    raw = fold(text)
    if raw == '':
        return ('', raw, fallback_unit, 'blank')
    a = to_ascii(raw)
    neg = False
    if a.startswith('减少'):
        neg, a = True, a[2:]
    elif a.startswith('增加'):
        a = a[2:]
    m = NUM.match(a)
    if not m or (neg and m.group(1)):
        return ('', raw, fallback_unit, 'not_a_number')
    rest = m.group(4)
    unit = ''
    if rest:
        u = rest[1:-1] if rest.startswith('(') and rest.endswith(')') and len(rest) >= 2 else rest
        if u not in UNITS:
            return ('', raw, fallback_unit, 'not_a_number')
        unit = u
    v = ('-' if neg or m.group(1) == '-' else '') + m.group(2).replace(',', '') + (m.group(3) or '')
    flags = ''
    if not unit:
        unit = fallback_unit
    if amount and unit == '元':
        v, unit, flags = wan(v), '万元', 'unit_converted'
    return (v, raw, unit, flags)


def num_of(t):
    """The figure a truth row adds to a sum: Decimal, 0 for blank, None for
    not a number."""
    v, raw, unit, flags = t
    if 'not_a_number' in flags:
        return None
    if v == '':
        return Decimal(0)
    return Decimal(v)


# ---------------------------------------------------------------- labels

APPLICANTS = ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total']

ACTIVE19 = [
    ('第二十条第（一）项', ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
     [('规章', 'active.rules', ['made', 'published', 'total']),
      ('规范性文件', 'active.normative', ['made', 'published', 'total'])]),
    ('第二十条第（五）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
     [('行政许可', 'active.license', ['prev', 'change', 'decisions']),
      ('其他对外管理服务事项', 'active.other_service', ['prev', 'change', 'decisions'])]),
    ('第二十条第（六）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
     [('行政处罚', 'active.penalty', ['prev', 'change', 'decisions']),
      ('行政强制', 'active.coercion', ['prev', 'change', 'decisions'])]),
    ('第二十条第（八）项', ['信息内容', '上一年项目数量', '本年增/减'],
     [('行政事业性收费', 'active.fee', ['prev', 'change'])]),
    ('第二十条第（九）项', ['信息内容', '采购项目数量', '采购总金额'],
     [('政府集中采购', 'active.procurement', ['items', 'amount'])]),
]
ACTIVE21 = [
    ('第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
     [('规章', 'active.rules', ['issued', 'repealed', 'in_force']),
      ('行政规范性文件', 'active.normative', ['issued', 'repealed', 'in_force'])]),
    ('第二十条第（五）项', ['信息内容', '本年处理决定数量'],
     [('行政许可', 'active.license', ['decisions'])]),
    ('第二十条第（六）项', ['信息内容', '本年处理决定数量'],
     [('行政处罚', 'active.penalty', ['decisions']),
      ('行政强制', 'active.coercion', ['decisions'])]),
    ('第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'],
     [('行政事业性收费', 'active.fee', ['amount'])]),
]
HEAD_NOTES = {
    '上一年项目数量': '(指{y0}年事项数)',
    '本年增/减': '(指{y}年增加或减少的事项数,减用负值表示,如-8)',
    '处理决定数量': '(指{y}年办件量)',
}
# units printed in the headers of count columns (Hubei, Anhui copies)
CU19 = {'本年新制作数量': '（件）', '本年新公开数量': '（件）', '对外公开总数量': '（件）',
        '上一年项目数量': '（项）', '处理决定数量': '（件）', '采购项目数量': '（个）'}
CU21 = {'本年制发件数': '（件）', '本年废止件数': '（件）', '现行有效件数': '（件）',
        '本年处理决定数量': '（件）'}
AMOUNT_KEYS = {'active.procurement.amount', 'active.fee.amount'}

# table 三: (key, top label, group label, own label); group None = spans 2
# label columns, top row (一/二/四) spans 3
R3_HEAD = [
    ('new', '一、本年新收政府信息公开申请数量'),
    ('carried_in', '二、上年结转政府信息公开申请数量'),
]
R3_RESULT = [
    ('granted', None, '（一）予以公开'),
    ('partial', None, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    ('denied.state_secret', '（三）不予公开', '1.属于国家秘密'),
    ('denied.prohibited', '（三）不予公开', '2.其他法律行政法规禁止公开'),
    ('denied.security', '（三）不予公开', '3.危及“三安全一稳定”'),
    ('denied.third_party', '（三）不予公开', '4.保护第三方合法权益'),
    ('denied.internal', '（三）不予公开', '5.属于三类内部事务信息'),
    ('denied.process', '（三）不予公开', '6.属于四类过程性信息'),
    ('denied.enforcement', '（三）不予公开', '7.属于行政执法案卷'),
    ('denied.query', '（三）不予公开', '8.属于行政查询事项'),
    ('unavailable.not_held', '（四）无法提供', '1.本机关不掌握相关政府信息'),
    ('unavailable.needs_creation', '（四）无法提供', '2.没有现成信息需要另行制作'),
    ('unavailable.unclear', '（四）无法提供', '3.补正后申请内容仍不明确'),
    ('rejected.petition', '（五）不予处理', '1.信访举报投诉类申请'),
    ('rejected.repeat', '（五）不予处理', '2.重复申请'),
    ('rejected.publication', '（五）不予处理', '3.要求提供公开出版物'),
    ('rejected.excessive', '（五）不予处理', '4.无正当理由大量反复申请'),
    ('rejected.confirm', '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'),
]
R3_OTHER19 = [('other', None, '（六）其他处理')]
R3_OTHER21 = [
    ('other.no_correction', '（六）其他处理',
     '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    ('other.unpaid_fee', '（六）其他处理',
     '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    ('other.other', '（六）其他处理', '3.其他'),
]
R3_CLOSED = [('closed_total', None, '（七）总计')]
R3_TAIL = [('carried_out', '四、结转下年度继续办理')]
RESULT_ROWS = [k for k, _, _ in R3_RESULT] + ['other', 'other.no_correction',
                                              'other.unpaid_fee', 'other.other']
GROUPS4 = ['review', 'suit_direct', 'suit_after']
COLS4 = ['upheld', 'corrected', 'other', 'pending', 'total']
LEAF4 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']


def keys_of(form):
    """Keys of a gov template, in print order."""
    act = ACTIVE19 if form == 'gov2019' else ACTIVE21
    keys = []
    for _, _, rows in act:
        for _, k, cols in rows:
            keys += ['%s.%s' % (k, c) for c in cols]
    rows3 = ['new', 'carried_in'] + [k for k, _, _ in R3_RESULT]
    rows3 += ['other'] if form == 'gov2019' else [k for k, _, _ in R3_OTHER21]
    rows3 += ['closed_total', 'carried_out']
    for r in rows3:
        keys += ['requests.%s.%s' % (r, a) for a in APPLICANTS]
    for g in GROUPS4:
        keys += ['appeals.%s.%s' % (g, c) for c in COLS4]
    return keys


# ---------------------------------------------------------------- base figures

def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f if l.strip()]
    head = rows[0]
    return [dict(zip(head, r + [''] * (len(head) - len(r)))) for r in rows[1:]]


def base(path):
    """metric -> value ('' blank, None not a number), and legacy units."""
    vals, units = {}, {}
    for r in read_tsv(os.path.join(ROOT, path)):
        vals[r['metric']] = None if 'not_a_number' in r['flags'] else r['value']
        units[r['metric']] = r['unit']
    return vals, units


# ---------------------------------------------------------------- tables

class Cell:
    def __init__(self, lines, cs=1, rs=1, key=None, amount=False, hunit=''):
        self.lines = lines if isinstance(lines, list) else [lines]
        self.cs, self.rs, self.key, self.amount, self.hunit = cs, rs, key, amount, hunit


class Variant:
    def __init__(self, vid, fmt, form, src, agency, year, quirks, **kw):
        self.id, self.fmt, self.form, self.src = vid, fmt, form, src
        self.agency, self.year, self.quirks = agency, year, set(quirks)
        self.kw = kw
        self.rng = random.Random('%d-%s' % (SEED, vid))
        self.truth = []      # (key, (value, raw, unit, flags))
        self.checks = []

    def q(self, name, p=1.0):
        return name in self.quirks and self.rng.random() < p


FW = str.maketrans('0123456789', '０１２３４５６７８９')


def fw(s):
    return s.translate(FW)


def lab(v, text, where='row'):
    """A label as this variant prints it: a list of lines."""
    t = text
    if v.q('nonum', 0.7):
        t = re.sub(r'^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d\.)', '', t)
    if v.q('halfwidth'):
        t = t.replace('（', '(').replace('）', ')').replace('，', ',').replace('：', ':')
    if v.q('fwdigits', 0.8):
        t = re.sub(r'^(\d)\.', lambda m: fw(m.group(1)) + '．', t)
    if v.q('numsep', 0.8):
        t = re.sub(r'^(\d)\.', lambda m: m.group(1) + '、', t)
    if v.q('typo') and '其他法律行政法规禁止公开' in t:
        t = t.replace('其他法律行政法规禁止公开', '其他法律行政止公开')
    if v.q('carry_wording') and '结转下年度继续办理' in t:
        t = t.replace('结转下年度继续办理', '结转下一年度继续办理')
    if v.q('spaces', 0.3) and len(t) > 4:
        i = v.rng.randrange(2, len(t) - 1)
        t = t[:i] + v.rng.choice([' ', '\u3000', '  ']) + t[i:]
    if v.q('indent', 0.5):
        t = '\u3000\u3000' + t
    if v.q('breaks', 0.25) and len(t) > 6:
        i = v.rng.randrange(3, len(t) - 2)
        return [t[:i], t[i:]]
    return [t]


def render_value(v, val, kind):
    """The printed text of a figure (val: '' blank, None not a number)."""
    r = v.rng
    if val is None or v.q('placeholder', 0.04):
        return r.choice(['—', '/', '无', '-', '——', '不适用'])
    if val == '':
        if 'blanks' in v.quirks:
            return r.choice(['', '\u00a0', '\u3000', ' '])
        return ''
    d = Decimal(val)
    if d == 0 and v.q('zero_blank', 0.3):
        return r.choice(['', '\u00a0', '\u3000'])
    neg = d < 0
    a = format(abs(d), 'f')
    if kind == 'amount' and v.q('yuan'):
        a = format((abs(d) * 10000).normalize(), 'f')
        if '.' in a:
            a = a.rstrip('0').rstrip('.')
    ip, _, fp = a.partition('.')
    if v.q('thousands', 0.8) and len(ip) > 3:
        ip = '{:,}'.format(int(ip))
    a = ip + ('.' + fp if fp else '')
    if v.q('fullwidth', 0.5):
        a = fw(a)
    if kind == 'change':
        if neg:
            a = r.choice(['减少', '-', '－' if 'fullwidth' in v.quirks else '-']) + a
        elif d > 0 and v.q('signs', 0.6):
            a = r.choice(['+', '增加']) + a
    elif neg:
        a = '-' + a
    if kind == 'amount':
        if v.q('yuan'):
            a += '元'
        elif v.q('unit_in_cell', 0.7):
            a += '万元'
    elif kind == 'count' and v.q('unit_in_cell3', 0.2):
        a += '件'
    elif kind == 'count2' and v.q('unit_in_cell', 0.3):
        a += r.choice(['件', '（件）', '(件)', '项'])
    if v.q('nbsp', 0.3):
        a = r.choice(['\u00a0', ' ', '\u3000']) + a + r.choice(['', '\u00a0'])
    return a


def table2(v, vals):
    act = ACTIVE19 if v.form == 'gov2019' else ACTIVE21
    rows = []
    for cap, head, drows in act:
        c = cap
        if v.q('caption_spaces'):
            c = c.replace('条第', '条 第').replace('（', ' (' if 'halfwidth' in v.quirks else '（')
        if v.q('halfwidth'):
            c = c.replace('（', '(').replace('）', ')')
        rows.append([Cell(c, cs=4)])
        hrow = [Cell(head[0])]
        hunit = ''
        cunits = []     # the unit each count column's header prints
        cu = v.kw.get('count_units') or {}
        cu_in = v.kw.get('count_units_in')
        for j, h in enumerate(head[1:]):
            last = j == len(head) - 2
            cs = 4 - len(head) + 1 if last else 1
            cunit = ''
            if h in cu and (cu_in is None or cap in cu_in):
                cunit = cu[h].strip('（）()').replace('单位：', '')
                h += cu[h]
            cunits.append(cunit)
            if h == '采购总金额' and v.kw.get('amount_header'):
                h = '采购总金额' + v.kw['amount_header']
            if h.startswith('本年收费金额') and v.kw.get('fee_header') is not None:
                h = v.kw['fee_header']
            if h in ('采购总金额（万元）', '采购总金额(万元)') or '单位：万元' in h or '单位:万元' in h:
                hunit = '万元'
            if v.q('halfwidth'):
                h = h.replace('（', '(').replace('）', ')').replace('：', ':')
            if 'head_notes' in v.quirks and h in HEAD_NOTES:
                h += HEAD_NOTES[h].format(y0=int(v.year) - 1, y=v.year)
            if v.kw.get('no_colspan') and cs > 1:
                hrow.append(Cell(lab(v, h, 'head')))
                hrow += [Cell('') for _ in range(cs - 1)]
                continue
            hrow.append(Cell(lab(v, h, 'head'), cs=cs))
        rows.append(hrow)
        for label, k, cols in drows:
            if label == '规章' and v.kw.get('rules_note'):
                label += v.kw['rules_note']
            if label.endswith('规范性文件') and v.kw.get('normative_label'):
                label = v.kw['normative_label']
            row = [Cell(lab(v, label))]
            for j, col in enumerate(cols):
                key = '%s.%s' % (k, col)
                kind = 'amount' if key in AMOUNT_KEYS else 'change' if col == 'change' else 'count2'
                cs = 4 - len(cols) if j == len(cols) - 1 else 1
                text = render_value(v, vals.get(key, ''), kind)
                if kind == 'count2' and v.q('cell_note', 0.15) and fold(text):
                    text += v.rng.choice(['（其中修订%d件）', '（含自然失效%d件）']) % v.rng.randrange(1, 30)
                hu = hunit if key in AMOUNT_KEYS else cunits[j]
                if v.kw.get('no_colspan') and cs > 1:
                    row.append(Cell(text, key=key, amount=key in AMOUNT_KEYS, hunit=hu))
                    row += [Cell('') for _ in range(cs - 1)]
                    continue
                row.append(Cell(text, cs=cs, key=key, amount=key in AMOUNT_KEYS, hunit=hu))
            rows.append(row)
            if label == '规章' and 'extra_row' in v.quirks:
                rows.append([Cell('其他主动公开文件(包括党委、政府联合发文)')] +
                            [Cell(str(v.rng.randrange(1, 90))) for _ in range(3)])
        if 'split2' in v.quirks:
            rows.append(None)   # a table ends here
    return rows


def table3(v, vals, form3):
    sub = v.kw.get('subtotal')   # None, 'after_other', 'after_person'
    n = 8 if sub else 7
    note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
    if v.q('halfwidth'):
        note = note.replace('（', '(').replace('）', ')').replace('，', ',').replace('：', ':')
    rq = v.kw.get('req_unit', '')
    rqu = rq.strip('（）()').replace('单位：', '')
    if v.kw.get('flat_head3'):
        hs = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
        if sub == 'after_other':
            hs.insert(6, '法人或其他组织小计')
        elif sub:
            hs.insert(1, '法人或其他组织小计')
        rows = [[Cell('申请人情况' + rq, cs=3)] + [Cell(x) for x in hs]]
    else:
        rows = [[Cell(note, cs=3, rs=3), Cell('申请人情况' + rq, cs=n)]]
    corp = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']
    if v.q('head_breaks'):
        leaf = [Cell(['商业', '企业']), Cell(['科研', '机构']), Cell('社会公益组织'),
                Cell('法律服务机构'), Cell('其他')]
    else:
        leaf = [Cell(x) for x in corp]
    if v.kw.get('flat_head3'):
        pass
    elif sub == 'after_other':
        rows.append([Cell('自然人', rs=2), Cell('法人或其他组织', cs=6), Cell('总计', rs=2)])
        rows.append(leaf + [Cell('小计')])
    elif sub == 'after_person':
        rows.append([Cell('自然人', rs=2), Cell('法人或其他组织小计', rs=2),
                     Cell('法人或其他组织', cs=5), Cell('总计', rs=2)])
        rows.append(leaf)
    elif v.kw.get('flat_head3') is None:
        rows.append([Cell('自然人', rs=2), Cell('法人或其他组织', cs=5), Cell('总计', rs=2)])
        rows.append(leaf)

    def figures(r):
        ks = ['requests.%s.%s' % (r, a) for a in APPLICANTS]
        cells = [Cell(render_value(v, vals.get(k, ''), 'count'), key=k, hunit=rqu) for k in ks]
        if sub:
            s = [vals.get(k) for k in ks[1:6]]
            tot = sum(Decimal(x) for x in s if x not in (None, ''))
            sc = Cell(render_value(v, format(tot, 'f'), 'count'))
            cells.insert(6 if sub == 'after_other' else 1, sc)
        return cells

    def top(r, label):
        ls = lab(v, label)
        if v.q('two_cells', 0.6) and len(ls) == 1 and len(ls[0]) > 8:
            t = ls[0]
            i = len(t) // 2
            return [Cell(t[:i], cs=2), Cell(t[i:])] + figures(r)
        return [Cell(ls, cs=3)] + figures(r)

    for r, label in R3_HEAD:
        rows.append(top(r, label))
    results = list(R3_RESULT) + (R3_OTHER19 if form3 == 'gov2019' else R3_OTHER21) + R3_CLOSED
    body = []
    groups_done = set()
    for r, grp, label in results:
        row = []
        if grp is None:
            row.append(Cell(lab(v, label), cs=2))
        elif v.kw.get('group_in_label'):
            # the group's label printed before its first row's label
            first = grp not in groups_done
            groups_done.add(grp)
            row.append(Cell(lab(v, (grp if first else '') + label), cs=2))
        elif v.kw.get('no_rowspan'):
            row.append(Cell(lab(v, grp) if grp not in groups_done else ''))
            groups_done.add(grp)
            row.append(Cell(lab(v, label)))
        else:
            if grp not in groups_done:
                span = sum(1 for _, g, _ in results if g == grp)
                row.append(Cell(lab(v, grp), rs=span))
                groups_done.add(grp)
            row.append(Cell(lab(v, label)))
        body.append(row + figures(r))
    big = '三、本年度办理结果'
    if v.q('vertical'):
        bl = list(big)
    else:
        bl = lab(v, big)
    if v.kw.get('no_rowspan'):
        body[0].insert(0, Cell(bl))
        for b in body[1:]:
            b.insert(0, Cell(''))
    else:
        body[0].insert(0, Cell(bl, rs=len(body)))
    rows += body
    for r, label in R3_TAIL:
        rows.append(top(r, label))
    return rows


def table4(v, vals):
    rows = [[Cell('行政复议', cs=5), Cell('行政诉讼', cs=10)]]
    r2 = [Cell(h, rs=2) for h in LEAF4] + [Cell('未经复议直接起诉', cs=5), Cell('复议后起诉', cs=5)]
    rows.append(r2)
    rows.append([Cell(h) for h in LEAF4 * 2])
    rows.append([Cell(render_value(v, vals.get('appeals.%s.%s' % (g, c), ''), 'count'),
                      key='appeals.%s.%s' % (g, c)) for g in GROUPS4 for c in COLS4])
    return rows


def legacy_table(v, vals, units):
    """The 统计表 rebuilt from a legacy truth's keys (their printed labels),
    plus local rows; (rows, truth keys in order)."""
    seq = v.kw.get('seqcol')
    head = ['统 计 指 标', '单位', '统计数']
    if seq:
        head = ['序号'] + head
    rows = [[Cell(h) for h in head]]
    items = []
    for k in vals:
        parts = k.split('.', 2)
        if len(parts) == 2:
            items.append((k, parts[1], None))
        else:
            items.append((k, parts[2], parts[1]))
    extra = v.kw.get('extra_rows') or []
    out = []
    n = 0
    for k, label, sec in items:
        out.append((k, label, vals[k], units.get(k, '')))
        if sec is None:
            for (after, elabel, eunit, evalue) in extra:
                if after == label:
                    out.append(('legacy.%s.%s' % (label, legacy_key(elabel)), elabel, evalue, eunit))
    for k, label, val, unit in out:
        n += 1
        t = label
        if v.q('halfwidth', 0.7):
            t = t.replace('（', '(').replace('）', ')')
        if v.q('fwdigits', 0.5):
            t = re.sub(r'(\d)', lambda m: fw(m.group(1)), t)
        if v.q('indent', 0.4) and not re.match('^[一二三四五六七八九十]+、', t):
            t = '\u3000\u3000' + t
        if v.q('spaces', 0.2) and len(t) > 4:
            i = v.rng.randrange(2, len(t) - 1)
            t = t[:i] + ' ' + t[i:]
        lines = [t]
        if v.q('breaks', 0.15) and len(t) > 12:
            i = v.rng.randrange(6, len(t) - 3)
            lines = [t[:i], t[i:]]
        row = [Cell(lines), Cell(unit), Cell(render_value(v, val, 'count'), key=k, hunit=unit)]
        if seq:
            row.insert(0, Cell(str(n)))
        rows.append(row)
    return rows


def legacy_key(label):
    t = ''.join(ch for ch in label if ch not in SPACES)
    t = t.replace('(', '（').replace(')', '）')
    return re.sub('[０-９]', lambda m: chr(ord(m.group(0)) - 0xff10 + 48), t)


# ---------------------------------------------------------------- truth

def collect(v, tables):
    seen = []
    for rows in tables:
        for row in rows:
            for c in (row or []):
                if c.key:
                    seen.append((c.key, parse('\n'.join(c.lines), c.amount, c.hunit)))
    return seen


def compute_checks(v, truth, form, keys):
    got = {}
    count = {}
    for k, t in truth:
        count[k] = count.get(k, 0) + 1
        got.setdefault(k, t)
    fails = []
    if form == 'legacy':
        for k in count:
            if count[k] > 1:
                fails.append(('template_shape', k, 1, count[k]))
        return fails

    def val(k):
        if k not in got:
            return Decimal(0)
        return num_of(got[k])

    def check(name, where, parts, total):
        xs = [val(k) for k in parts]
        t = val(total)
        if any(x is None for x in xs) or t is None:
            return
        e = sum(xs, Decimal(0))
        if e != t:
            fails.append((name, where, e, t))

    rows3 = sorted({k.split('.')[1] if k.count('.') == 2 else '.'.join(k.split('.')[1:3])
                    for k in keys if k.startswith('requests.')})
    allrows = ['new', 'carried_in'] + RESULT_ROWS + ['closed_total', 'carried_out']
    present = [r for r in allrows if any(('requests.%s.%s' % (r, a)) in got or
                                         ('requests.%s.%s' % (r, a)) in keys for a in APPLICANTS)]
    for r in present:
        check('row_total', r, ['requests.%s.%s' % (r, a) for a in APPLICANTS[:6]],
              'requests.%s.total' % r)
    for a in APPLICANTS:
        check('closed_total', a, ['requests.%s.%s' % (r, a) for r in RESULT_ROWS],
              'requests.closed_total.%s' % a)
    for a in APPLICANTS:
        xs = [val('requests.new.%s' % a), val('requests.carried_in.%s' % a)]
        ys = [val('requests.closed_total.%s' % a), val('requests.carried_out.%s' % a)]
        if None in xs or None in ys:
            continue
        if sum(xs) != sum(ys):
            fails.append(('balance', a, sum(xs), sum(ys)))
    for g in GROUPS4:
        check('appeals_total', g, ['appeals.%s.%s' % (g, c) for c in COLS4[:4]],
              'appeals.%s.total' % g)
    for k in keys:
        if count.get(k, 0) != 1:
            fails.append(('template_shape', k, 1, count.get(k, 0)))
    for k in count:
        if count[k] > 1 and k not in keys:
            fails.append(('template_shape', k, 1, count[k]))
    del rows3
    return fails


# ---------------------------------------------------------------- text

NARR = {
    'intro': '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。'
             '本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。'
             '如对本报告有任何疑问，请与{a}办公室联系（电话：0532-8591{p:04d}）。',
    'general': '{y}年，{a}认真贯彻落实《条例》，全年主动公开政府信息{n1}条，'
               '其中通过政府网站公开{n2}条。全年新收到政府信息公开申请{n3}件，'
               '比上年增长{pc}%，共办结{n4}件。',
    'prose_labels': '本年度制发规章{r}件、行政规范性文件{s}件，办理行政许可{l}件。'
                    '收到申请中自然人{p}件、法人或其他组织{o}件。',
    'problem': '一是公开的及时性有待提高；二是工作人员业务水平需要进一步提升。'
               '{y1}年将加强培训，完善制度。',
}


def cn_year(y):
    return ''.join('〇一二三四五六七八九'[int(d)] for d in y)


def paragraphs(v, vals, tables):
    """The report as a list of ('p', text) / ('h', text) / ('t', rows)."""
    y, a = v.year, v.agency
    r = v.rng
    out = []
    title_kind = v.kw.get('title', 'plain')
    if title_kind == 'name_line':
        out.append(('c', a))
        out.append(('c', '%s年政府信息公开工作年度报告' % y))
    elif title_kind == 'no_year':
        out.append(('c', a))
        out.append(('c', '政府信息公开工作年度报告'))
    elif title_kind == 'cn_year':
        out.append(('c', '%s%s年度政府信息公开工作年度报告' % (a, cn_year(y))))
    elif title_kind == 'fw_year':
        out.append(('c', '%s%s年政府信息公开工作年度报告' % (a, fw(y))))
    elif title_kind == 'nianduo':
        out.append(('c', '%s%s年度政府信息公开工作年度报告' % (a, y)))
    else:
        out.append(('c', '%s%s年政府信息公开工作年度报告' % (a, y)))
    if 'law_year' in v.quirks:
        out.append(('p', '根据《中华人民共和国政府信息公开条例》（2019年4月3日国务院令第711号修订，'
                         '以下简称《条例》）、《国务院办公厅政府信息与政务公开办公室关于印发'
                         '〈中华人民共和国政府信息公开工作年度报告格式〉的通知》和上级有关要求，'
                         '现公布本机关年度报告如下。'))
    out.append(('p', NARR['intro'].format(y=y, a=a, p=r.randrange(10000))))
    if v.form == 'legacy':
        out.append(('h', '一、概述'))
        out.append(('p', NARR['general'].format(y=y, a=a, n1=r.randrange(100, 2000),
                                               n2=r.randrange(10, 99), n3=r.randrange(1, 300),
                                               pc=r.randrange(1, 30), n4=r.randrange(1, 300))))
        out.append(('h', '二、主动公开政府信息情况'))
        out.append(('p', '全年主动公开政府信息%d条。' % r.randrange(10, 900)))
        out.append(('h', '三、存在的主要问题及改进措施'))
        out.append(('p', NARR['problem'].format(y1=int(y) + 1)))
        out.append(('p', '附件：%s年度政府信息公开工作情况统计表' % y))
        out.append(('p', '填报单位（盖章）：%s\u3000\u3000\u3000\u3000填报日期：%d.1.%d'
                    % (a, int(y) + 1, r.randrange(5, 28))))
        out.append(('t', tables[0]))
        out.append(('p', '单位负责人：张某\u3000\u3000审核人：李某\u3000\u3000填表人：王某'))
        return out
    h2 = '二、主动公开政府信息情况'
    if v.q('heading_typo'):
        h2 = '二、主动公开政府信息情'
    heads = [h2, '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']
    out.append(('h', '一、总体情况'))
    out.append(('p', NARR['general'].format(y=y, a=a, n1=r.randrange(100, 2000),
                                           n2=r.randrange(10, 99), n3=r.randrange(1, 300),
                                           pc=r.randrange(1, 30), n4=r.randrange(1, 300))))
    if 'prose_numbers' in v.quirks:
        out.append(('h', '（一）主动公开'))
        out.append(('p', NARR['prose_labels'].format(r=r.randrange(9), s=r.randrange(30),
                                                    l=r.randrange(5000), p=r.randrange(90),
                                                    o=r.randrange(20))))
        out.append(('p', '规章'))
        out.append(('p', '2.重复申请%d件，均已告知申请人。' % r.randrange(1, 9)))
    if v.kw.get('renumber'):
        # Shanghai: narrative first, the tables numbered 一/二/三 after it
        out.append(('h', '二、存在的主要问题及改进情况'))
        out.append(('p', NARR['problem'].format(y1=int(y) + 1)))
        out.append(('h', '三、其他需要报告的事项'))
        out.append(('p', '本年度未收取信息处理费。'))
        out.append(('p', '附：政府信息公开情况统计表'))
        heads = ['一、主动公开政府信息情况', '二、收到和处理政府信息公开申请情况',
                 '三、政府信息公开行政复议、行政诉讼情况']
    for h, t in zip(heads, tables):
        if v.kw.get('heading_in_table'):
            w = grid_of([r for r in t if r is not None])[1]
            out.append(('t', [[Cell(h, cs=w)]] + t))
        else:
            out.append(('h', h))
            out.append(('t', t))
        if t is tables[2]:
            out.append(('p', '注：行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，'
                             '不计算行政复议机关的案件数量。'))
    split = []
    for kind, x in out:
        if kind != 't':
            split.append((kind, x))
            continue
        part = []
        for row in x + [None]:
            if row is None:
                if part:
                    split.append(('t', part))
                part = []
            else:
                part.append(row)
    out[:] = split
    if not v.kw.get('renumber'):
        out.append(('h', '五、存在的主要问题及改进情况'))
        out.append(('p', NARR['problem'].format(y1=int(y) + 1)))
        out.append(('h', '六、其他需要报告的事项'))
        out.append(('p', '本年度未收取信息处理费。'))
    return out


# ---------------------------------------------------------------- writers

def esc(s, nbsp_entity):
    e = html.escape(s, quote=False)
    if nbsp_entity:
        e = e.replace('\u00a0', '&nbsp;')
    return e


def html_cell(v, c):
    nb = 'nbsp_entity' in v.quirks
    if v.kw.get('cell_p'):
        inner = ''.join('<p>%s</p>' % esc(l, nb) for l in c.lines)
    else:
        inner = '<br/>'.join(esc(l, nb) for l in c.lines)
    at = ''
    if c.rs > 1:
        at += ' rowspan="%d"' % c.rs
    if c.cs > 1:
        at += ' colspan="%d"' % c.cs
    return '<td%s align="center">%s</td>' % (at, inner)


BLANK_P = ['&nbsp;', '', '\u3000', '<span>&nbsp;</span>', ' ']


def write_html(v, parts, path):
    title = '%s%s年政府信息公开工作年度报告' % (v.agency, v.year)
    if v.kw.get('title') in ('no_year',):
        title = '%s政府信息公开工作年度报告' % v.agency
    if v.kw.get('title') == 'fw_year':
        title = '%s%s年政府信息公开工作年度报告' % (v.agency, fw(v.year))
    if v.kw.get('title') == 'cn_year':
        title = '%s%s年度政府信息公开工作年度报告' % (v.agency, cn_year(v.year))
    pub = '%d-0%d-%02d' % (int(v.year) + 1, v.rng.randrange(1, 4), v.rng.randrange(1, 29))
    h = ['<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
         '<html xmlns="http://www.w3.org/1999/xhtml">', '<head>',
         '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
         '<title>%s</title>' % esc(title, False), '</head>', '<body>',
         '<div class="top"><div class="logo"><a href="/">青岛政务网</a></div>'
         '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>',
         '<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>'
         ' &gt; <a href="/zwgk/xxgk/ndbg/">政府信息公开年报</a></div>',
         '<div class="main">', '<div class="article">']
    if v.kw.get('title') not in ('name_line', 'no_year'):
        h.append('<h1 class="title">%s</h1>' % esc(parts[0][1], False))
        parts = parts[1:]
    else:
        h.append('<h1 class="title">%s</h1>' % esc(title, False))
    if v.kw.get('site_header'):
        h.insert(h.index('<div class="main">'), '<div class="header"><p>%s</p><p>政务公开</p></div>'
                 % esc(v.kw['site_header'], False))
    if v.kw.get('meta_table'):
        h.append('<table class="xxgk"><tr><td>索引号：</td><td>11370213MB%05d/%d-%05d</td>'
                 '<td>发布机构：</td><td>%s</td></tr><tr><td>主题分类：</td><td>政务公开</td>'
                 '<td>成文日期：</td><td>%s</td></tr><tr><td>名\u3000\u3000称：</td><td>%s</td>'
                 '<td>发文字号：</td><td></td></tr></table>'
                 % (v.rng.randrange(99999), int(v.year) + 1, v.rng.randrange(99999),
                    esc(v.agency, False), pub, esc(title, False)))
        h.append('<div class="info">发布时间：%s\u3000\u3000信息来源：%s\u3000\u3000浏览次数：%d</div>'
                 % (pub, esc(v.agency, False), v.rng.randrange(50, 999)))
    else:
        h.append('<div class="info"><span>青岛政务网</span> <span>发布日期 : %s</span> '
                 '<span>来源 : %s</span></div>' % (pub, esc(v.kw.get('source', v.agency), False)))
    h.append('<div class="tool">字体大小: <a href="javascript:doZoom(16)">大</a> '
             '<a href="javascript:window.print()">打印</a></div>')
    h.append('<div class="TRS_Editor" id="zoom">')
    for kind, x in parts:
        if kind == 'c':
            h.append('<p style="text-align:center"><strong>%s</strong></p>' % esc(x, False))
        elif kind == 'h':
            h.append('<p style="text-indent:2em"><strong>%s</strong></p>' % esc(x, False))
        elif kind == 'p':
            h.append('<p style="text-indent:2em">%s</p>' % esc(x, False))
        elif v.fmt == 'htmlp':
            # a blank cell as real pages print it: <p>&nbsp;</p>, <p></p>,
            # <p>U+3000</p>, <p><span>&nbsp;</span></p> (own generator, so
            # that the other draws stay as they were)
            br = random.Random('%d-%s-blank' % (SEED, v.id))
            for row in x:
                for c in row:
                    for l in c.lines:
                        h.append('<p style="text-align:center">%s</p>'
                                 % (esc(l, True) if fold(l) else br.choice(BLANK_P)))
        else:
            h.append('<table border="1" cellspacing="0" cellpadding="4" '
                     'style="border-collapse:collapse">')
            for row in x:
                h.append('<tr>' + ''.join(html_cell(v, c) for c in row) + '</tr>')
            h.append('</table>')
    h += ['</div>', '<div class="fujian"><p>word版下载:<a href="%s.docx">%s</a></p></div>'
          % (v.id, esc(title, False)), '</div>', '</div>',
          '<div class="footer"><p>主办：青岛市人民政府办公厅\u3000承办：青岛市大数据发展管理局</p></div>',
          '</body>', '</html>', '']
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(h))


def grid_of(rows):
    """Place cells on a grid: [(r, c, cell)], width, height."""
    occ = {}
    placed = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in occ:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    occ[(r + dr, c + dc)] = cell
            c += cell.cs
            width = max(width, c)
    return placed, width, len(rows)


def write_docx(v, parts, path):
    d = docx.Document()
    st = d.styles['Normal']
    st.font.name = 'Noto Serif CJK SC'
    st.element.rPr.rFonts.set(qn('w:eastAsia'), 'Noto Serif CJK SC')
    for kind, x in parts:
        if kind in ('c', 'h', 'p'):
            p = d.add_paragraph()
            run = p.add_run(x)
            if kind != 'p':
                run.bold = True
            continue
        placed, w, hgt = grid_of(x)
        t = d.add_table(rows=hgt, cols=w)
        t.style = 'Table Grid'
        for r, c, cell in placed:
            tc = t.cell(r, c)
            if cell.rs > 1 or cell.cs > 1:
                tc = tc.merge(t.cell(r + cell.rs - 1, c + cell.cs - 1))
            tc.paragraphs[0].text = cell.lines[0]
            for l in cell.lines[1:]:
                tc.add_paragraph(l)
    d.core_properties.title = ''
    d.core_properties.author = ''
    # a fixed date so that the file is the same on every run
    import datetime
    d.core_properties.created = datetime.datetime(2026, 1, 1)
    d.core_properties.modified = datetime.datetime(2026, 1, 1)
    d.save(path)
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------- variants

AGENCIES = [
    '青岛市崂山区沙子口街道办事处', '即墨区龙山街道办事处', '青岛市黄岛区人民政府',
    '莱西市教育体育局', '上海市科学技术委员会', '淮安市洪泽区农业农村局', '宁国市商务局',
    '武汉市生态环境局', '昌图县自然资源局', '雄县昝岗镇人民政府', '青岛市李沧区卫生健康局',
    '胶州市市场监督管理局', '平度市人民政府办公室', '青岛市城市管理局', '市北区人民政府',
    '西海岸新区应急管理局', '青岛市医疗保障局', '崂山区王哥庄街道办事处', '青岛市司法局',
    '莱西市水集街道办事处', '上海市徐汇区人民政府', '青岛市退役军人事务局', '城阳区棘洪滩街道办事处',
    '青岛市交通运输局', '即墨区人力资源和社会保障局', '青岛市海洋发展局', '黄岛区薛家岛街道办事处',
    '青岛市文化和旅游局', '平度市南村镇人民政府', '青岛市生态环境局李沧分局',
]

G19 = ['tests/corpus/truth/000_0e252554ad65cb5c.tsv', 'tests/corpus/truth/001_967186fe634bba4e.tsv',
       'tests/corpus/truth/002_76275f96720f379e.tsv', 'tests/corpus/truth/004_107c488a6d9a59ea.tsv',
       'tests/corpus/synthetic/truth/syn000.tsv', 'tests/corpus/synthetic/truth/syn005.tsv',
       'tests/corpus/synthetic/truth/syn006.tsv', 'tests/corpus/synthetic/truth/syn009.tsv',
       'tests/corpus/synthetic/truth/syn011.tsv']
G21 = ['tests/corpus/synthetic/truth/syn001.tsv', 'tests/corpus/synthetic/truth/syn007.tsv',
       'tests/corpus/synthetic/truth/syn008.tsv', 'tests/realworld/truth/huaian2024.tsv']
MIXED = ['tests/realworld/truth/hongze2023.tsv', 'tests/realworld/truth/hongze2024.tsv']
LEG = ['tests/corpus/truth/003_937a84458300fa66.tsv', 'tests/corpus/synthetic/truth/syn002.tsv',
       'tests/corpus/synthetic/truth/syn003.tsv', 'tests/corpus/synthetic/truth/syn004.tsv',
       'tests/corpus/synthetic/truth/syn010.tsv']

ANHUI_ROWS = [
    ('一、主动公开情况', '主动公开机构领导、机构设置及人事信息', '条', '12'),
    ('一、主动公开情况', '主动公开规划计划、统计信息', '条', '7'),
    ('一、主动公开情况', '主动公开财务预决算、“三公”经费信息', '条', ''),
]
CITY_ROWS = [
    ('八、在区政府门户网站设立信息公开专栏数', '（三）市直部门网站专栏（市直部门填写）', '个', '1'),
]


def specs():
    """(id, fmt, form, src, year, quirks, kw)."""
    S = []

    def add(fmt, form, src, year, quirks, **kw):
        S.append((fmt, form, src, year, quirks, kw))

    # gov2019, html tables
    add('html', 'gov2019', G19[0], 2019, ['nonum', 'halfwidth', 'thousands'], title='name_line')
    add('html', 'gov2019', G19[1], 2020, ['fwdigits', 'fullwidth', 'blanks', 'nbsp_entity', 'nbsp'])
    add('html', 'gov2019', G19[2], 2020, ['spaces', 'breaks', 'signs', 'unit_in_cell'],
        rules_note='（市政府令）', normative_label='规范性文件（有规范性文件登记号）')
    add('html', 'gov2019', G19[3], 2020, ['typo', 'carry_wording', 'zero_blank', 'heading_typo'])
    add('html', 'gov2019', G19[4], 2019, ['yuan', 'caption_spaces', 'halfwidth', 'head_breaks'])
    add('html', 'gov2019', G19[5], 2020, ['placeholder', 'two_cells', 'vertical', 'numsep'],
        subtotal='after_other')
    add('html', 'gov2019', G19[6], 2020, ['thousands', 'indent', 'prose_numbers'], renumber=True,
        amount_header='（万元）')
    add('html', 'gov2019', G19[7], 2020, ['breaks', 'cell_p', 'nbsp'], cell_p=True,
        subtotal='after_person', title='no_year')
    add('html', 'gov2019', G19[8], 2021, ['signs', 'fullwidth', 'unit_in_cell', 'spaces'],
        rules_note='(设区的市、自治州人民政府应提供相关数据)',
        normative_label='规范性文件(行政机关制定发布的决定、公告、通告等)')
    # gov2021, html tables
    add('html', 'gov2021', G21[0], 2021, ['nonum', 'thousands', 'fwdigits', 'head_breaks'])
    add('html', 'gov2021', G21[1], 2022, ['halfwidth', 'blanks', 'zero_blank', 'caption_spaces'],
        fee_header='本年收费金额(单位:万元)')
    add('html', 'gov2021', G21[2], 2023, ['typo', 'carry_wording', 'breaks', 'vertical'],
        normative_label='规范性文件')
    add('html', 'gov2021', G21[3], 2024, ['renumber', 'spaces', 'two_cells', 'nbsp', 'prose_numbers'],
        renumber=True, title='nianduo')
    add('html', 'gov2021', G21[0], 2020, ['yuan', 'fullwidth', 'placeholder'],
        fee_header='本年收费金额')
    add('html', 'gov2021', G21[1], 2022, ['subtotal', 'indent', 'numsep'], subtotal='after_other')
    add('html', 'gov2021', G21[2], 2021, ['cell_p', 'breaks', 'halfwidth'], cell_p=True,
        title='name_line')
    add('html', 'gov2021', G21[3], 2024, ['heading_typo', 'nonum', 'thousands'], title='no_year')
    # mixed form
    add('html', 'mixed', MIXED[0], 2023, ['typo', 'thousands'])
    add('html', 'mixed', MIXED[1], 2024, ['halfwidth', 'breaks', 'blanks'])
    # legacy, html tables
    add('html', 'legacy', LEG[0], 2017, ['halfwidth', 'fwdigits', 'indent'], seqcol=True)
    add('html', 'legacy', LEG[1], 2016, ['breaks', 'thousands', 'blanks'], extra_rows=ANHUI_ROWS)
    add('html', 'legacy', LEG[2], 2015, ['spaces', 'fullwidth', 'placeholder'],
        extra_rows=CITY_ROWS)
    add('html', 'legacy', LEG[3], 2018, ['nbsp_entity', 'zero_blank', 'blanks', 'nbsp'],
        title='name_line')
    # flat pages: one <p> per cell line, a blank cell as <p>&nbsp;</p>
    add('htmlp', 'gov2019', G19[2], 2019, ['halfwidth', 'thousands', 'fullwidth'])
    add('htmlp', 'gov2021', G21[1], 2022, ['nonum', 'unit_in_cell', 'signs'])
    add('htmlp', 'gov2021', G21[3], 2024, ['breaks', 'spaces'])
    add('htmlp', 'mixed', MIXED[0], 2023, ['typo', 'carry_wording'])
    add('htmlp', 'legacy', LEG[4], 2016, ['halfwidth', 'indent', 'thousands'])
    add('htmlp', 'gov2019', G19[3], 2020, ['signs'], subtotal='after_other')
    # docx
    add('docx', 'gov2019', G19[0], 2020, ['nonum', 'halfwidth', 'yuan'], title='no_year')
    add('docx', 'gov2019', G19[1], 2019, ['blanks', 'breaks', 'fwdigits', 'nbsp'])
    add('docx', 'gov2019', G19[4], 2020, ['typo', 'two_cells', 'vertical', 'thousands'],
        subtotal='after_other', rules_note='（市政府令）')
    add('docx', 'gov2019', G19[7], 2020, ['placeholder', 'zero_blank', 'caption_spaces'],
        renumber=True, amount_header='(万元)')
    add('docx', 'gov2021', G21[0], 2021, ['head_breaks', 'spaces', 'fullwidth'])
    add('docx', 'gov2021', G21[2], 2022, ['carry_wording', 'numsep', 'indent', 'blanks'],
        subtotal='after_person', title='name_line')
    add('docx', 'gov2021', G21[3], 2024, ['yuan', 'halfwidth', 'breaks', 'prose_numbers'],
        fee_header='本年收费金额')
    add('docx', 'mixed', MIXED[1], 2024, ['nonum', 'typo', 'zero_blank'])
    add('docx', 'legacy', LEG[0], 2018, ['seqcol', 'breaks', 'halfwidth'], seqcol=True)
    add('docx', 'legacy', LEG[2], 2017, ['fwdigits', 'spaces', 'blanks'], extra_rows=ANHUI_ROWS)
    # second round (appended: the ids above stay as they are)
    add('htmlp', 'legacy', LEG[0], 2018, ['blanks', 'fwdigits'], seqcol=True)
    add('html', 'gov2019', G19[2], 2020, ['head_notes', 'extra_row', 'cell_note', 'split2'],
        meta_table=True)
    add('html', 'gov2021', G21[1], 2022, ['no_colspan', 'no_rowspan', 'law_year'],
        no_colspan=True, no_rowspan=True, title='no_year')
    add('html', 'gov2021', G21[3], 2023, ['flat_head3', 'heading_in_table', 'cn_year'],
        flat_head3=True, heading_in_table=True, title='cn_year')
    add('html', 'gov2019', G19[1], 2020, ['site_header', 'split2', 'nonum'],
        site_header='青岛市李沧区人民政府')
    add('html', 'gov2021', G21[2], 2021, ['flat_head3', 'subtotal', 'no_rowspan', 'meta_table'],
        flat_head3=True, subtotal='after_other', no_rowspan=True, meta_table=True)
    add('docx', 'gov2021', G21[0], 2022, ['no_colspan', 'heading_in_table', 'cell_note', 'law_year'],
        no_colspan=True, heading_in_table=True, title='no_year')
    add('docx', 'gov2019', G19[3], 2019, ['head_notes', 'extra_row', 'split2', 'flat_head3'],
        flat_head3=True)
    add('docx', 'mixed', MIXED[0], 2023, ['no_rowspan', 'cn_year', 'halfwidth'], no_rowspan=True,
        title='cn_year')
    add('htmlp', 'gov2021', G21[0], 2021, ['flat_head3', 'no_colspan', 'heading_in_table'],
        flat_head3=True, no_colspan=True, heading_in_table=True)
    add('htmlp', 'gov2019', G19[2], 2020, ['head_notes', 'split2', 'site_header'],
        site_header='青岛市人民政府')
    # third round
    add('html', 'gov2019', G19[0], 2020, ['group_in_label', 'unit_in_cell3', 'fw_year'],
        group_in_label=True, title='fw_year')
    add('docx', 'gov2021', G21[1], 2022, ['group_in_label', 'unit_in_cell3', 'fw_year', 'halfwidth'],
        group_in_label=True, title='fw_year')
    add('htmlp', 'gov2021', G21[3], 2024, ['group_in_label', 'unit_in_cell3', 'nonum'],
        group_in_label=True)
    # fourth round: <p> pages with blank cells (gk-extract keeps an empty <p>)
    add('htmlp', 'gov2019', G19[1], 2020, ['blanks', 'zero_blank', 'nbsp'])
    add('htmlp', 'gov2021', G21[1], 2022, ['blanks', 'zero_blank', 'no_colspan', 'halfwidth'],
        no_colspan=True)
    add('htmlp', 'mixed', MIXED[1], 2024, ['blanks', 'zero_blank', 'breaks'])
    add('htmlp', 'legacy', LEG[3], 2018, ['blanks', 'zero_blank', 'indent'])
    add('htmlp', 'gov2019', G19[3], 2020, ['zero_blank', 'subtotal'], subtotal='after_person')
    # fifth round: units in the headers of count columns (处理决定数量（件）)
    # and of table 三 (申请人情况（件）)
    add('html', 'gov2019', G19[2], 2020, ['count_units', 'req_unit', 'unit_in_cell'],
        count_units=CU19, req_unit='（件）', amount_header='（万元）')
    add('htmlp', 'gov2021', G21[2], 2022, ['count_units', 'req_unit', 'breaks', 'blanks'],
        count_units=CU21, req_unit='(件)')
    add('docx', 'gov2021', G21[3], 2024, ['count_units', 'req_unit', 'halfwidth'],
        count_units=CU21, req_unit='（单位：件）')
    add('htmlp', 'gov2019', G19[0], 2019, ['count_units', 'zero_blank', 'head_notes'],
        count_units={'处理决定数量': '（件）', '上一年项目数量': '（项）'},
        count_units_in=['第二十条第（五）项'])
    add('docx', 'mixed', MIXED[0], 2023, ['count_units', 'req_unit', 'flat_head3'],
        count_units=CU21, req_unit='（件）', flat_head3=True)
    return S


def main():
    rng = random.Random(SEED)
    for sub in ('docs', 'truth'):
        d = os.path.join(OUT, sub)
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
    agencies = list(AGENCIES)
    rng.shuffle(agencies)
    reports = [('doc', 'agency', 'year', 'template')]
    checks = [('doc', 'check', 'where', 'expected', 'found')]
    manifest = [('doc', 'format', 'template', 'year', 'source', 'quirks', 'failing_checks')]
    for i, (fmt, form, src, year, quirks, kw) in enumerate(specs()):
        agency = agencies[i % len(agencies)]
        tag = {'mixed': 'mix', 'legacy': 'leg', 'gov2019': 'g19', 'gov2021': 'g21'}[form]
        vid = 'v%02d_%s_%s' % (i, tag, fmt)
        v = Variant(vid, fmt, form, src, agency, str(year), quirks, **kw)
        vals, units = base(src)
        if form == 'legacy':
            tables = [legacy_table(v, vals, units)]
            tform = 'legacy'
            keys = []
        else:
            tform = 'gov2021' if form == 'mixed' else form
            v.form = tform
            form3 = 'gov2019' if form in ('gov2019', 'mixed') else 'gov2021'
            tables = [table2(v, vals), table3(v, vals, form3), table4(v, vals)]
            keys = keys_of(tform)
        truth = collect(v, tables)
        fails = compute_checks(v, truth, tform, keys)
        parts = paragraphs(v, vals, tables)
        ext = 'docx' if fmt == 'docx' else 'html'
        path = os.path.join(OUT, 'docs', '%s.%s' % (vid, ext))
        if fmt == 'docx':
            write_docx(v, parts, path)
        else:
            write_html(v, parts, path)
        with open(os.path.join(OUT, 'truth', vid + '.tsv'), 'w', encoding='utf-8') as f:
            f.write('metric\tvalue\traw\tunit\tflags\n')
            done = set()
            for k, (val, raw, unit, flags) in truth:
                if k in done:
                    continue
                done.add(k)
                f.write('%s\t%s\t%s\t%s\t%s\n' % (k, val, raw, unit, flags))
        reports.append((vid, agency, str(year), tform))
        for c in fails:
            checks.append((vid,) + tuple(str(x) for x in c))
        manifest.append((vid, fmt, tform if form != 'mixed' else 'gov2021(mixed)', str(year),
                         src, ','.join(sorted(set(quirks) | {k for k in kw})), str(len(fails))))
    for name, rows in (('reports.tsv', reports), ('checks.tsv', checks)):
        with open(os.path.join(OUT, 'truth', name), 'w', encoding='utf-8') as f:
            f.write(''.join('\t'.join(r) + '\n' for r in rows))
    with open(os.path.join(OUT, 'MANIFEST.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('\t'.join(r) + '\n' for r in manifest))
    print('%d variants in %s' % (len(manifest) - 1, OUT), file=sys.stderr)


if __name__ == '__main__':
    main()
