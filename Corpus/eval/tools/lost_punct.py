#!/usr/bin/env python3
"""lost_punct.py [--extractor NAME] [CORPUS...]  (default: Corpus/eval, pymupdf)

For each document, the CJK punctuation its rendered PDFs no longer carry, and
where. LibreOffice sometimes does not draw a 、 or ， that falls at the end of a
justified line: the glyph is absent from the page, so no extractor and no OCR
sees it, and no PDF-based extraction of that document can give it back.

Compares gold.txt with extracted/pymupdf.txt (LibreOffice PDF) and
extracted/chromium/pymupdf.txt, whitespace removed: a mark of the gold whose
neighbours (CONTEXT characters each side) stand together in the extraction
without it is lost (page-number footers removed first). --extractor NAME reads
extracted/NAME.txt instead (e.g. pdftotext-rawflag, to check that a known
loss holds for another extraction of the same PDFs). Prints a summary line per document, then each loss as a
known-losses.json entry (document, before, lost, after) for a person to check
against the PDF before listing it.
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
P = "，。、；：（）“”《》"
CONTEXT = 6


def text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def squeeze(s):
    """The text without whitespace and without degrade.py's footers (- 1 -)."""
    lines = [l for l in s.split("\n") if not re.fullmatch(r"\s*-\s*\d+\s*-\s*", l)]
    return "".join("".join(lines).split())


def losses(gold, extracted):
    """(before, mark, after) for each mark of `gold` the extraction lacks."""
    g, e = squeeze(gold), squeeze(extracted)
    found = []
    for i, c in enumerate(g):
        if c not in P:
            continue
        before, after = g[max(0, i - CONTEXT):i], g[i + 1:i + 1 + CONTEXT]
        if before + c + after not in e and before + after in e:
            found.append((before, c, after))
    return found


args = sys.argv[1:]
extractor = "pymupdf"
if args[:1] == ["--extractor"]:
    extractor, args = args[1], args[2:]
corpora = args or [os.path.dirname(HERE)]
entries = []
for corpus in corpora:
    for d in sorted(glob.glob(os.path.join(corpus, "*", "gold.txt"))):
        d = os.path.dirname(d)
        gold = text(os.path.join(d, "gold.txt"))
        g = collections.Counter(c for c in gold if c in P)
        out = []
        for label, rel in (("LibreOffice", f"extracted/{extractor}.txt"), ("Chromium", f"extracted/chromium/{extractor}.txt")):
            p = os.path.join(d, rel)
            if not os.path.exists(p):
                continue
            e = collections.Counter(c for c in text(p) if c in P)
            diff = {c: g[c] - e[c] for c in P if g[c] != e[c]}
            out.append(f"{label}: " + (", ".join(f"{c} {n:+d}" for c, n in diff.items()) or "none"))
            for before, mark, after in losses(gold, text(p)):
                entries.append({"document": os.path.basename(d), "pdf": label, "before": before, "lost": mark, "after": after})
        print(f"{os.path.basename(d)}: " + "; ".join(out))
for entry in entries:
    print(json.dumps(entry, ensure_ascii=False))
