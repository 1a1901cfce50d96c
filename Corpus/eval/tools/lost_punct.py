#!/usr/bin/env python3
"""lost_punct.py: for each document, CJK punctuation the rendered PDF no longer
carries. Compares punctuation counts of gold.txt with extracted/pymupdf.txt
(LibreOffice PDF) and extracted/chromium/pymupdf.txt. LibreOffice sometimes
does not draw a 、 or ， that falls at the end of a justified line (the glyph is
absent from the page: no extractor and no OCR sees it), so those characters
cannot be recovered from any PDF-based extraction of that document."""
import collections
import glob
import os

EVAL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P = "，。、；：（）“”《》"


def counts(path):
    with open(path, encoding="utf-8") as f:
        return collections.Counter(c for c in f.read() if c in P)


for d in sorted(glob.glob(os.path.join(EVAL, "*", "gold.txt"))):
    d = os.path.dirname(d)
    g = counts(os.path.join(d, "gold.txt"))
    out = []
    for label, rel in (("LibreOffice", "extracted/pymupdf.txt"), ("Chromium", "extracted/chromium/pymupdf.txt")):
        p = os.path.join(d, rel)
        if os.path.exists(p):
            e = counts(p)
            diff = {c: g[c] - e[c] for c in P if g[c] != e[c]}
            out.append(f"{label}: " + (", ".join(f"{c} {n:+d}" for c, n in diff.items()) or "none"))
    print(f"{os.path.basename(d)}: " + "; ".join(out))
