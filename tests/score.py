#!/usr/bin/env python3
"""Compare gk-transform output with ground truth, strictly.

usage: score.py [--min-pct P] [--flag F] [--tsv FILE] TRUTH_DIR OUT_DIR DOC_ID...

OUT_DIR/DOC_ID.out is the stream `gk-fetch FILE | gk-extract | gk-transform`
printed for one document.  DOC_ID may be OUT_ID=TRUTH_ID: OUT_DIR/OUT_ID.out
scored against TRUTH_ID's truth (many files made from one source). TRUTH_DIR holds DOC_ID.tsv (metric value raw unit
flags), checks.tsv (doc check where expected found) and reports.tsv (doc
agency year template), as in the shared corpus.

A document is right when every truth metric has the same value (as a number),
unit and flags, no other metric is emitted, the failed checks (but
format_mismatch) are exactly those of checks.tsv with the same expected and
found, and the report's agency, year and template match. --flag F requires F
on every value and ignores it in the comparison (OCR); --min-pct P lets the
values pass at P percent right instead of all. Prints one line per document,
a summary, and exits 1 unless everything passes.  --tsv FILE also writes
one line per document: doc right total missing wrong spurious false_checks
missed_checks agency_ok year_ok template_ok ok (then the first failures).
"""
import os
import sys
from decimal import Decimal, InvalidOperation


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f if l.strip() and not l.startswith('#')]
    head, body = rows[0], rows[1:]
    return [dict(zip(head, r + [''] * (len(head) - len(r)))) for r in body]


def num(v):
    v = (v or '').strip()
    if v == '':
        return ''
    try:
        return Decimal(v).normalize()
    except InvalidOperation:
        return 'BAD:' + v


def flagset(s):
    return frozenset(x for x in (s or '').split(',') if x)


def main():
    args = sys.argv[1:]
    min_pct, need_flag, tsv = 100.0, None, None
    while args and args[0].startswith('--'):
        if args[0] == '--min-pct':
            min_pct = float(args[1]); args = args[2:]
        elif args[0] == '--flag':
            need_flag = args[1]; args = args[2:]
        elif args[0] == '--tsv':
            tsv = open(args[1], 'w', encoding='utf-8'); args = args[2:]
        else:
            sys.exit('score.py: unknown option ' + args[0])
    truth_dir, out_dir, docs = args[0], args[1], args[2:]
    checks = {}
    cpath = os.path.join(truth_dir, 'checks.tsv')
    if os.path.exists(cpath):
        for r in read_tsv(cpath):
            checks.setdefault(r['doc'], set()).add(
                (r['check'], r['where'], num(r['expected']), num(r['found'])))
    reports = {}
    rpath = os.path.join(truth_dir, 'reports.tsv')
    if os.path.exists(rpath):
        reports = {r['doc']: r for r in read_tsv(rpath)}
    bad_docs = 0
    tot_vals = tot_right = 0
    if tsv:
        tsv.write('doc\tright\ttotal\tmissing\twrong\tspurious\tfalse_checks\tmissed_checks'
                  '\tagency_ok\tyear_ok\ttemplate_ok\tok\tfailures\n')
    for arg in docs:
        out_id, _, doc = arg.partition('=')
        doc = doc or out_id
        truth = {r['metric']: r for r in read_tsv(os.path.join(truth_dir, doc + '.tsv'))}
        got, got_checks, rep, errors = {}, set(), None, []
        with open(os.path.join(out_dir, out_id + '.out'), encoding='utf-8', errors='replace') as f:
            for line in f:
                c = line.rstrip('\n').split('\t')
                if c[0] == 'metric' and len(c) >= 8:
                    got[c[2]] = dict(value=c[3], unit=c[4], raw=c[5], flags=c[6])
                elif c[0] == 'check' and len(c) >= 6 and c[2] != 'format_mismatch':
                    got_checks.add((c[2], c[3], num(c[4]), num(c[5])))
                elif c[0] == 'report' and len(c) >= 10 and rep is None:
                    rep = c
                elif c[0] == 'error':
                    errors.append(line.strip())
        wrong = []
        flag_missing = 0
        for m, t in truth.items():
            g = got.get(m)
            if g is None:
                wrong.append(m + ' missing')
                continue
            gf = flagset(g['flags'])
            if need_flag:
                if need_flag not in gf:
                    flag_missing += 1
                gf = gf - {need_flag}
            if num(g['value']) != num(t['value']) or g['unit'] != t['unit'] or gf != flagset(t['flags']):
                wrong.append('%s=%r/%r/%r want %r/%r/%r' % (m, g['value'], g['unit'], g['flags'],
                                                             t['value'], t['unit'], t['flags']))
        spurious = [m for m in got if m not in truth]
        want = checks.get(doc, set())
        missing_checks = want - got_checks
        false_checks = got_checks - want
        meta = []
        if doc in reports:
            t = reports[doc]
            if rep is None:
                meta.append('no report record')
            else:
                for name, i in (('agency', 3), ('year', 4), ('template', 5)):
                    if rep[i] != t[name]:
                        meta.append('%s %r want %r' % (name, rep[i], t[name]))
        right = len(truth) - len(wrong)
        tot_vals += len(truth)
        tot_right += right
        pct = 100.0 * right / len(truth) if truth else 100.0
        ok = (pct >= min_pct and not spurious and not missing_checks and not false_checks
              and not meta and not flag_missing)
        if min_pct < 100.0:
            ok = pct >= min_pct and not spurious and not meta and not flag_missing
        bad_docs += not ok
        if tsv:
            fails = (wrong[:6] + ['spurious ' + x for x in spurious[:3]] +
                     ['missing check %s %s %s %s' % c for c in sorted(missing_checks, key=str)[:3]] +
                     ['false check %s %s %s %s' % c for c in sorted(false_checks, key=str)[:3]] +
                     meta + (['not flagged %s %d' % (need_flag, flag_missing)] if flag_missing
                             else []) + [e.replace('\t', ' ') for e in errors[:2]])
            metaw = ' '.join(meta)
            tsv.write('\t'.join(str(x) for x in (
                out_id, right, len(truth), sum(1 for w in wrong if w.endswith(' missing')),
                sum(1 for w in wrong if not w.endswith(' missing')), len(spurious),
                len(false_checks), len(missing_checks),
                int('agency' not in metaw and 'no report' not in metaw),
                int('year' not in metaw and 'no report' not in metaw),
                int('template' not in metaw and 'no report' not in metaw), int(ok),
                ' | '.join(fails).replace('\t', ' ')[:600])) + '\n')
        print('%s %s: values %d/%d, spurious %d, checks missing %d, false %d%s%s%s' % (
            'ok  ' if ok else 'FAIL', out_id, right, len(truth), len(spurious),
            len(missing_checks), len(false_checks),
            ', not flagged %s %d' % (need_flag, flag_missing) if flag_missing else '',
            ('; ' + '; '.join(meta)) if meta else '',
            '' if ok else '\n    ' + '\n    '.join(
                wrong[:8] + ['spurious ' + s for s in spurious[:4]] +
                ['missing check %s %s %s %s' % c for c in sorted(missing_checks, key=str)[:4]] +
                ['false check %s %s %s %s' % c for c in sorted(false_checks, key=str)[:4]] +
                errors[:3])))
    print('%d documents, %d wrong; values %d/%d right' % (len(docs), bad_docs, tot_right, tot_vals))
    sys.exit(1 if bad_docs else 0)


if __name__ == '__main__':
    main()
