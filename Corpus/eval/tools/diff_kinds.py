#!/usr/bin/env python3
"""diff_kinds.py DOCNORM [EXTRACTOR...]  (default: pdfminer chromium/pdfminer)

Where the output of docnorm differs from the gold, by kind of place, for
every extraction of Corpus/eval and Corpus/holdout by the given extractors.
Run from the repository root with a built binary (.build/release/docnorm).

Each extraction is run through DOCNORM (canonical text) and compared line by
line with its gold.txt, less the characters known-losses.json lists for that
extractor (as `docnorm eval` scores it). Each differing stretch of lines is
put where it stands in the gold: the title (first line), a heading
(一、… or （一）…), prose (prose-joinsplit where only the line breaks differ,
prose-text otherwise), or a table row of section 二, 三 or 四 (table 二's
第二十条第（一）项 block apart from its other blocks) or of another section.
A stretch the output has and the gold lacks, right after a table's rows or
right after the next section heading, is that table's (its numbers left as
text). Prints, per corpus and extractor, the extractions, how many are exact,
how many differ only inside table 三 (and only inside 三 and 四), and per kind
the extractions with such a stretch (stretches in brackets).
"""
import collections
import difflib
import json
import os
import re
import subprocess
import sys

SECTION = re.compile(r'^([一二三四五六七八九十]+)、')
HEADING = re.compile(r'^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)')


def section_at(gold, i):
    """The numeral of the section heading at or above gold line i."""
    while i >= 0:
        m = SECTION.match(gold[i])
        if m and '\t' not in gold[i] and len(gold[i]) < 40:
            return m.group(1)
        i -= 1
    return None


def line_kind(gold, i):
    line = gold[i]
    if i == 0:
        return 'title'
    if line == '':
        return 'blank'
    if '\t' in line:
        s = section_at(gold, i)
        if s == '二':
            block = i
            while block >= 0 and '条第（' not in gold[block]:
                block -= 1
            return 'table二（一）' if block >= 0 and '第（一）项' in gold[block] else 'table二 other blocks'
        return {'三': 'table三', '四': 'table四'}.get(s, 'table other')
    if HEADING.match(line) and len(line) < 40 and not line.endswith('。'):
        return 'heading'
    return 'prose'


def stretch_kinds(gold, out, i1, i2, j1, j2):
    kinds = {line_kind(gold, i) for i in range(i1, i2)} - {'blank'}
    if not kinds or kinds == {'heading'} and i1 == i2:
        # Output only: the table its rows follow, past at most a heading.
        k = i1 - 1
        while k >= 0 and gold[k] == '':
            k -= 1
        if k >= 0 and line_kind(gold, k) == 'heading' and '\t' not in gold[k]:
            k -= 1
            while k >= 0 and gold[k] == '':
                k -= 1
        if k >= 0 and '\t' in gold[k]:
            return {line_kind(gold, k)}
        k = i1
        while k < len(gold) and gold[k] == '':
            k += 1
        return {line_kind(gold, k)} if k < len(gold) else {'other'}
    if 'prose' in kinds and kinds <= {'prose', 'heading'}:
        same = ''.join(gold[i1:i2]).replace(' ', '') == ''.join(out[j1:j2]).replace(' ', '')
        kinds = (kinds - {'prose'}) | {'prose-joinsplit' if same else 'prose-text'}
    return kinds


def main():
    binary = sys.argv[1]
    extractors = sys.argv[2:] or ['pdfminer', 'chromium/pdfminer']
    rows = collections.defaultdict(list)
    for corpus in ['eval', 'holdout']:
        base = os.path.join('Corpus', corpus)
        losses = json.load(open(os.path.join(base, 'known-losses.json'), encoding='utf-8'))
        for doc in sorted(os.listdir(base)):
            gold_path = os.path.join(base, doc, 'gold.txt')
            if not os.path.exists(gold_path):
                continue
            for ext in extractors:
                src = os.path.join(base, doc, 'extracted', ext + '.txt')
                if not os.path.exists(src):
                    continue
                gold = open(gold_path, encoding='utf-8').read()
                if ext in losses['extractors']:
                    for loss in (l for l in losses['losses'] if l['document'] == doc):
                        gold = gold.replace(loss['before'] + loss['lost'] + loss['after'], loss['before'] + loss['after'])
                with open(src, 'rb') as f:
                    out = subprocess.run([binary], stdin=f, capture_output=True).stdout.decode('utf-8')
                g, o = gold.split('\n'), out.split('\n')
                kinds = []
                for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, g, o, autojunk=False).get_opcodes():
                    if tag != 'equal':
                        kinds.append('+'.join(sorted(stretch_kinds(g, o, i1, i2, j1, j2))))
                rows[f'{corpus} {ext}'].append(kinds)
    rows['all'] = [k for key in list(rows) for k in rows[key]]
    names = sorted({k for lst in rows.values() for ks in lst for k in ks})
    print('| corpus, extractor | extractions | exact | only 三 differs | only 三, 四 differ | ' + ' | '.join(names) + ' |')
    print('|---' * (5 + len(names)) + '|')
    for key, lst in rows.items():
        exact = sum(1 for ks in lst if not ks)
        only3 = sum(1 for ks in lst if ks and set(ks) <= {'table三'})
        only34 = sum(1 for ks in lst if ks and set(ks) <= {'table三', 'table四'})
        cells = [f'{sum(1 for ks in lst if n in ks)} ({sum(ks.count(n) for ks in lst)})' for n in names]
        print(f'| {key} | {len(lst)} | {exact} | {only3} | {only34} | ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    main()
