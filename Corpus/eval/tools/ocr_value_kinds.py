#!/usr/bin/env python3
"""ocr_value_kinds.py DOCNORM

Why each gold table value of every Tesseract extraction (Corpus/eval and
Corpus/holdout, extracted/ocr-tesseract.txt) is not placed right by DOCNORM
(run from the repository root; DOCNORM --format json of each extraction is
compared with its records.jsonl). For each gold row with a value missed, the
OCR text's stretch for that row is found (table 三: from a line holding the
start, second to fifth, or end characters of the row's last label, past the
previous row's line, to the next row's line; table 四: the first line after
its 行政复议…行政诉讼 header with eight numbers or more), its row-label
numbering taken out (6属于…, 3 补正…), and its numbers compared with the
gold row's:

  a  digits in the text: the numbers equal the gold row's, or as many and
     this cell's equal; split by why the output lacks them (table not
     recognised; row label unreadable: the output restored the row's label;
     row read, cells not all placed);
  b  misread in the text: with a rule read as 1 glued to a number taken out
     (|10, 1010) the cell reads right; with 工 read as 1 it does; letters or
     marks where digits stand (O, l, j, ], 工) and fewer numbers than cells;
     as many numbers as cells but this one differs (a digit misread that
     nothing in the text tells apart: out of reach);
  c  absent from the text: no number in the row's stretch, or fewer
     numbers than cells (which cell is lost the text does not say);
  u/x the script found no stretch for the row, or more numbers than cells
     (the stretch ran into the next row: unclassified).

A heuristic over OCR's garbled labels: counts are kinds' sizes, not exact.
Prints table | kind | reason | output (empty or wrong) | eval | holdout | all.
"""
import collections
import glob
import json
import re
import subprocess
import sys

BIN = sys.argv[1]
NUM = re.compile(r'(?<![\d.])\d+(?:\.\d+)?(?![\d])')
LET = re.compile(r'(?:(?<=[\s|])|^)[OoIlLDSB工jJ](?=[\s|]|$)|\d[OoIlDSB工]|[OoIlDSB工]\d')



kinds = collections.Counter(); bycorp = collections.Counter()
def anchor(label): return re.sub(r'^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)', '', label)
def find(lines, start, label):
    a = anchor(label)
    for k in (4, 3, 2):
        if len(a) < k: continue
        pats = {a[:k], a[1:k+1] if len(a) > k else None, a[-k:]}
        for i in range(start, min(start + 40, len(lines))):
            flat = lines[i].replace(' ', '')
            if any(p and p in flat for p in pats): return i
    return None
for f in sorted(glob.glob('Corpus/eval/*/extracted/ocr-tesseract.txt') + glob.glob('Corpus/holdout/*/extracted/ocr-tesseract.txt')):
    doc = f.split('/extracted')[0].replace('Corpus/', '', 1)
    corp = doc.split('/')[0]
    d = json.loads(subprocess.run([BIN, f, '--format', 'json'], capture_output=True, text=True).stdout)
    gold = [json.loads(l) for l in open('Corpus/' + doc + '/records.jsonl') if l.strip()]
    text = open('Corpus/' + doc + '/extracted/ocr-tesseract.txt', encoding='utf-8', errors='replace').read().splitlines()
    tabs = {b['template']: b for b in d['blocks'] if b.get('kind') == 'table' and b.get('template')}
    have = {(t, tuple(r['row']), tuple(r['column'])): r['value'] for t, b in tabs.items() for r in b['records']}
    restored = set()
    for g in d['diagnostics']:
        m = re.search(r"row label '([^']+)' is missing", g['message'])
        if m and g['rule'] == 'structure.label-restored': restored.add(m.group(1))
    for t in sorted({g['table'] for g in gold}):
        short = t.split('-', 1)[1]
        rows = collections.OrderedDict()
        for g in gold:
            if g['table'] == t: rows.setdefault(tuple(g['row']), []).append(g)
        flat = lambda l: l.replace(' ', '')
        if 'applic' in t:
            start = next((i for i, l in enumerate(text) if '申请人情况' in flat(l) or ('本年新收' in flat(l) and NUM.search(l)) or ('自' in flat(l) and '法人或其他' in flat(l))), None)
            if start is None: start = next((i for i, l in enumerate(text) if re.match(r'^三、收到和处理', flat(l))), None)
        elif 'review' in t:
            start = next((i for i, l in enumerate(text) if re.search(r'行政复议.*行政诉讼', flat(l))), None)
        else:
            start = next((i for i, l in enumerate(text) if '第二十条' in flat(l) or '第十条' in flat(l)), None)
        keys = list(rows); pos = []; cur = start or 0
        for r in keys:
            i = find(text, cur, r[-1]) if start is not None and r and 'review' not in t else None
            pos.append(i)
            if i is not None: cur = i + 1
        for n, r in enumerate(keys):
            gs = rows[r]
            missed = [j for j, g in enumerate(gs) if have.get((t, r, tuple(g['column']))) != g['value']]
            if not missed: continue
            G = [g['value'] for g in gs]
            if 'review' in t:
                si = next((k for k in range(start or 0, min((start or 0) + 14, len(text))) if len(NUM.findall(text[k])) >= 8), None) if start is not None else None
                seg = [text[si]] if si is not None else None
            elif pos[n] is None: seg = None
            else:
                i = pos[n]; nxt = next((p for p in pos[n+1:] if p is not None and p > i), i + 1)
                seg = text[i:max(nxt, i + 1)]
            if t not in tabs: reason = 'table not recognised'
            elif r and r[-1] in restored: reason = 'row label unreadable'
            else: reason = 'row read, cells not all placed'
            for j in missed:
                got = have.get((t, r, tuple(gs[j]['column'])))
                if seg is None: k = 'u: row not located by the script'
                else:
                    raw = re.sub(r'(?:^|(?<=[\s|（(\[「“”"]))\d\s?[.．]?(?=\s?[\u4e00-\u9fff])', ' ', ' '.join(seg))
                    T = NUM.findall(raw)
                    T2 = NUM.findall(re.sub(r'(?<=[\s|])1(?=\d)', ' ', re.sub(r'\|\s?1(?=\d)', ' ', raw)))
                    if T == G or (len(T) == len(G) and T[j] == G[j]): k = 'a: digits in the text'
                    elif T2 == G or (len(T2) == len(G) and T2[j] == G[j]): k = 'b: rule read as 1 glued to it'
                    elif '工' in raw and len(NUM.findall(raw.replace('工', ' 1 '))) == len(G) and NUM.findall(raw.replace('工', ' 1 '))[j] == G[j]: k = 'b: 1 read as 工'
                    elif LET.search(raw) and len(T) < len(G): k = 'b: letters or marks for digits'
                    elif len(T) == len(G): k = 'b: digit misread (no mark)'
                    elif not T: k = 'c: no number of the row in the text'
                    elif len(T) < len(G): k = 'c: fewer numbers than cells'
                    else: k = 'x: more numbers than cells'
                key = (short, k, reason if k.startswith('a') else '', 'wrong' if got is not None else 'empty')
                kinds[key] += 1; bycorp[(corp,) + key] += 1
print('table | kind | reason | output | eval | holdout | total')
for k in sorted(kinds):
    print(' | '.join(k), '|', bycorp[('eval',) + k], '|', bycorp[('holdout',) + k], '|', kinds[k])
