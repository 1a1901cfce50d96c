#!/usr/bin/env python3
"""pdfminer_boxes.py [--pdf-cache DIR] [--json OUT] [--runs N] DOCDIR...
   pdfminer_boxes.py --summary OUT.json...

Where pdfminer puts table 三's numbers, and in what order. For each DOCDIR
(Corpus/eval/<id> or Corpus/holdout/<id>) and each PDF route it has
(LibreOffice; Chromium when extracted/chromium/ exists):

1. re-render gold.txt exactly as degrade.py does (rawflag.py's render_lo /
   render_chromium) and prove the PDF is the committed one: plain
   `pdftotext doc.pdf` must equal extracted/.../pdftotext-raw.txt byte for
   byte, and pdfminer's text must hold the same boxes page by page as
   extracted/.../pdfminer.txt. Not byte for byte: pdfminer's order of equal
   boxes is not a function of the PDF (see --runs);
2. run pdfminer's layout analysis (pdf2txt.py's defaults, LAParams():
   line_overlap 0.5, char_margin 2.0, line_margin 0.5, word_margin 0.1,
   boxes_flow 0.5) and take every text box between the heading
   三、收到和处理… and the heading 四、… (page numbers left out);
3. find each number's cell from the geometry: the value numbers of the table
   (digit runs, not a label's "1.") fall into rows by baseline; the k-th
   such row on the pages is the gold's k-th row of values, and a row's numbers
   from left to right are its value columns (checked against the gold's
   values; a table where they differ is reported and skipped);
4. print every box in pdfminer's order: page, order index on the page, bbox,
   and each line with the gold cell each number holds (rK cC: value row K,
   value column C, from 0, as in the gold's rows of numbers).

--json writes the same as records (one per table); --summary reads such
files and counts, per table, the kind of text that holds each value cell
(a header's box, a run of one column's cells, a box of one number, a line
of two numbers, a label's line), the columns pdfminer's order does not read
top to bottom, and how many readings the boxes and the template's arithmetic
leave (result rows whose every cell stands alone can trade places).
--runs N runs pdf2txt.py N times on each PDF, and the layout analysis N
times in fresh interpreters, and reports how many different orders come out.
--label-lines tries, on committed pdfminer.txt files (no rendering), the one
rule the text supports beyond header boxes (a label piece and one number on
a line: 自然人's cell of the row whose label holds the piece), against the gold.
--pdf-cache keeps the proved PDFs (DIR/<doc>/<route>.pdf) so a second run
skips rendering. A route that does not reproduce is listed as MISMATCH.

    python3 Corpus/eval/tools/pdfminer_boxes.py --pdf-cache /tmp/pdfs --json /tmp/eval.json Corpus/eval/*/
    python3 Corpus/eval/tools/pdfminer_boxes.py --summary /tmp/eval.json
    python3 Corpus/eval/tools/pdfminer_boxes.py --label-lines Corpus/*/*/extracted/pdfminer.txt Corpus/*/*/extracted/chromium/pdfminer.txt
"""
import argparse
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import logging

from pdfminer.high_level import extract_text_to_fp
from pdfminer.layout import LAParams, LTChar, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfpage import PDFPage

HERE = os.path.dirname(os.path.abspath(__file__))
NUMBER = re.compile(r"[0-9]+")
START = "三、收到和处理政府信息公开申请情况"
END = "四、政府信息公开行政复议"
FOOTER_TOP = 90  # pt: degrade.py's bottom margin is 35 mm (99 pt); the page number sits below it


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read(path):
    with open(path, "rb") as f:
        return f.read()


def pdfminer_text(pdf):
    out = io.BytesIO()
    with open(pdf, "rb") as f:
        extract_text_to_fp(f, out, laparams=LAParams(), output_type="text", codec="utf-8")
    return out.getvalue()


def box_multiset(text):
    """Each page's text boxes (blank-line separated), sorted: pdfminer's text up to its box order."""
    return [sorted(b for b in page.split("\n\n")) for page in text.decode("utf-8").split("\f")]


def same_boxes(mine, committed):
    return box_multiset(mine) == box_multiset(committed)


def proved_pdf(rawflag, dg, blocks, extracted, render, cache):
    """A PDF whose pdftotext and pdfminer text equal the committed ones, or None."""
    if cache and os.path.isfile(cache):
        return cache
    want = read(os.path.join(extracted, "pdftotext-raw.txt"))
    want_miner = read(os.path.join(extracted, "pdfminer.txt"))
    for fmt in rawflag.PAGE_FORMATS:
        work = tempfile.mkdtemp(prefix="pdfminer-boxes-")
        try:
            pdf = render(dg, blocks, work, fmt)
            if rawflag.pdftotext(pdf) == want and same_boxes(pdfminer_text(pdf), want_miner):
                dest = cache or os.path.join(tempfile.mkdtemp(prefix="pdfminer-boxes-keep-"), "doc.pdf")
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copy(pdf, dest)
                return dest
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return None


def pages(pdf):
    rm = PDFResourceManager()
    dev = PDFPageAggregator(rm, laparams=LAParams())
    interp = PDFPageInterpreter(rm, dev)
    with open(pdf, "rb") as f:
        for page in PDFPage.get_pages(f):
            interp.process_page(page)
            yield dev.get_result()


def tokens(line):
    """Digit runs of a text line that are values (not a label's 1.): (text, x0, x1, y0)."""
    chars = [c for c in line if isinstance(c, LTChar)]
    out, i = [], 0
    while i < len(chars):
        if chars[i].get_text().isdigit():
            j = i
            while j + 1 < len(chars) and chars[j + 1].get_text().isdigit() and chars[j + 1].x0 - chars[j].x1 < 1.0:
                j += 1
            nxt = chars[j + 1].get_text() if j + 1 < len(chars) else ""
            if nxt not in (".", "．", "、"):
                out.append(("".join(c.get_text() for c in chars[i:j + 1]), chars[i].x0, chars[j].x1,
                            round(chars[i].y0, 1)))
            i = j + 1
        else:
            i += 1
    return out


def table_boxes(pdf):
    """[(page, index, box)] of the boxes between table 三's heading and section 四's
    (page footers, below the 35 mm bottom margin, left out)."""
    out, inside = [], False
    for pno, layout in enumerate(pages(pdf), 1):
        boxes = sorted((o for o in layout if isinstance(o, LTTextBox)), key=lambda b: b.index)
        text = {b: unicodedata.normalize("NFKC", b.get_text().replace("\n", "")) for b in boxes}  # Chromium: ⼀ ⼈
        start_y = next((b.y0 for b in boxes if START in text[b]), None)
        if start_y is None and not inside:
            continue
        top = start_y if start_y is not None else float("inf")
        ends = [b.y1 for b in boxes if END in text[b] and b.y1 <= top]
        end_y = max(ends) if ends else None
        for b in boxes:
            if b.y1 > top or (end_y is not None and b.y0 < end_y) or b.y1 < FOOTER_TOP:
                continue
            out.append((pno, b.index, b))
        inside = True
        if end_y is not None:
            break
    return out


def gold_table3(gold):
    lines = gold.split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.strip() == START)
    rows = []
    for ln in lines[i + 1:]:
        if not ln.strip():
            if rows:
                break
            continue
        rows.append(ln.split("\t"))
    vals = [[c for c in r if NUMBER.fullmatch(c.strip())] for r in rows]
    labels = ["/".join(c for c in r if c and not NUMBER.fullmatch(c.strip())) for r in rows]
    return [(lab, v) for lab, v in zip(labels, vals) if v]


def locate(boxes, gold_rows):
    """{(page, x0, y0): (row, col)} for every value token, or an error string."""
    bands = []  # per page, top to bottom
    for page in sorted({p for p, _, _ in boxes}):
        toks = []
        for p, _, b in boxes:
            if p != page:
                continue
            for line in b:
                if isinstance(line, LTTextLine):
                    toks.extend(tokens(line))
        toks.sort(key=lambda t: -t[3])
        cur = []
        for t in toks:
            if cur and abs(cur[-1][3] - t[3]) > 1.5:
                bands.append((page, cur))
                cur = []
            cur.append(t)
        if cur:
            bands.append((page, cur))
    width = len(gold_rows[0][1])
    bands = [(p, sorted(b, key=lambda t: t[1])) for p, b in bands if len(b) == width or len(b) > 1]
    if len(bands) != len(gold_rows):
        return f"{len(bands)} rows of numbers, gold has {len(gold_rows)}"
    where = {}
    for r, ((page, band), (lab, vals)) in enumerate(zip(bands, gold_rows)):
        if [t[0] for t in band] != [v.strip() for v in vals]:
            return f"row {r} ({lab}): pdf {[t[0] for t in band]} gold {vals}"
        for c, t in enumerate(band):
            where[(page, round(t[1], 1), t[3])] = (r, c)
    return where


def stretch(text):
    """Table 三's boxes in a pdfminer text: from the heading 三 to the heading 四."""
    t = unicodedata.normalize("NFKC", text.decode("utf-8"))
    i = t.find(START)
    j = t.find(END, i)
    if i < 0 or j < 0:
        return None
    return [b.strip("\n\f") for b in re.split(r"\n\n+|\f", t[i + len(START):j]) if b.strip("\n\f")]


def runs(doc, route, pdf, committed, k):
    """Run pdf2txt.py (as degrade.py does) k times on one PDF; how much of table 三's order holds."""
    pdf2txt = shutil.which("pdf2txt.py") or shutil.which("pdf2txt")
    outs = [subprocess.run([pdf2txt, pdf], capture_output=True, check=True).stdout for _ in range(k)]
    whole = len(set(outs))
    tabs = [stretch(o) for o in outs]
    want = stretch(committed)
    same_boxes = all(sorted(t) == sorted(want) for t in tabs)
    orders = len({tuple(t) for t in tabs})
    # pairs of boxes (by text, first occurrence of unique texts only) whose relative order every run keeps
    uniq = [b for b in want if want.count(b) == 1]
    pos = [{b: t.index(b) for b in uniq} for t in tabs + [want]]
    pairs = [(a, b) for i, a in enumerate(uniq) for b in uniq[i + 1:]]
    kept = sum(1 for a, b in pairs if len({p[a] < p[b] for p in pos}) == 1)
    print(f"~~ {doc} {route}: {k} runs: {whole} distinct texts, table 三 {orders} distinct orders "
          f"(committed among them: {tuple(want) in {tuple(t) for t in tabs}}), same boxes every run: {same_boxes}, "
          f"{len(want)} boxes ({len(uniq)} unique), order of unique-box pairs kept in all runs: {kept}/{len(pairs)}")


def box_order(pdf):
    """[(page, bbox)] of table 三's boxes in pdfminer's order, from a fresh interpreter."""
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--order-of", pdf],
                         capture_output=True, check=True).stdout
    return [tuple(x) for x in json.loads(out)]


def order_runs(doc, route, pdf, k):
    """Which pairs of table 三's boxes keep their order over k fresh runs of the layout analysis."""
    seqs = [box_order(pdf) for _ in range(k)]
    boxes = sorted(set(seqs[0]))
    assert all(sorted(s) == boxes for s in seqs)
    pos = [{b: i for i, b in enumerate(s)} for s in seqs]
    pairs = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]]
    kept = sum(1 for a, b in pairs if len({p[a] < p[b] for p in pos}) == 1)
    moved = sum(1 for b in boxes if len({p[b] for p in pos}) > 1)
    print(f"~~ {doc} {route}: {k} fresh layout runs: {len(set(map(tuple, seqs)))} distinct orders of "
          f"{len(boxes)} boxes; {moved} boxes change place; pairs in one order every run {kept}/{len(pairs)}")
    return seqs


def dump(doc, route, pdf, gold, out_records):
    boxes = table_boxes(pdf)
    gold_rows = gold_table3(gold)
    if not gold_rows:
        print(f"== {doc} {route}: table 三 is prose")
        return
    where = locate(boxes, gold_rows)
    if isinstance(where, str):
        print(f"== {doc} {route}: SKIPPED ({where})")
        return
    print(f"== {doc} {route}: {len(boxes)} boxes, {len(gold_rows)} value rows x {len(gold_rows[0][1])}")
    rec = {"doc": doc, "route": route, "rows": [lab for lab, _ in gold_rows],
           "values": [v for _, v in gold_rows], "boxes": []}
    for page, idx, b in boxes:
        lines = []
        for line in b:
            if not isinstance(line, LTTextLine):
                continue
            cells = [where.get((page, round(t[1], 1), t[3])) for t in tokens(line)]
            lines.append({"text": line.get_text().rstrip("\n"), "cells": cells,
                          "bbox": [round(v, 1) for v in line.bbox]})
        rec["boxes"].append({"page": page, "index": idx, "bbox": [round(v, 1) for v in b.bbox], "lines": lines})
        shown = " | ".join(ln["text"] + ("" if not ln["cells"] else " @" + ",".join(
            f"r{c[0]}c{c[1]}" if c else "?" for c in ln["cells"])) for ln in lines)
        print(f"p{page} #{idx:<3} ({b.x0:6.1f},{b.y0:6.1f},{b.x1:6.1f},{b.y1:6.1f}) {shown}")
    out_records.append(rec)

NUMBER_LINE = re.compile(r"^[0-9]+(?: [0-9]+)*$")


def kangxi_to_unified(text):
    """Chromium's PDFs give Kangxi radicals (⼀ ⼈ ⼤); only those are mapped, full-width marks kept."""
    return "".join(unicodedata.normalize("NFKC", ch) if 0x2E80 <= ord(ch) <= 0x2FDF else ch for ch in text)


def label_lines(paths):
    """The rule a label's line suggests, tried on committed pdfminer texts (no PDF needed): a line of
    table 三's stretch that is a label piece (two characters or more, the last word before the number)
    and one number gives 自然人's cell of the one data row whose deepest label contains the piece."""
    tot = {"extractions": 0, "label lines": 0, "placed": 0, "right": 0, "piece in no row label": 0,
           "piece in several row labels": 0}
    for path in paths:
        docdir = path[:path.index("/extracted/")]
        gold = read(os.path.join(docdir, "gold.txt")).decode("utf-8")
        if START not in gold:
            continue
        lines = gold.split("\n")
        i = next(k for k, ln in enumerate(lines) if ln.strip() == START)
        rows, seen = [], False
        for ln in lines[i + 1:]:
            if not ln.strip():
                if seen:
                    break
                continue
            seen = True
            cells = ln.split("\t")
            values = [c for c in cells if NUMBER.fullmatch(c.strip())]
            labels = [c for c in cells if c.strip() and not NUMBER.fullmatch(c.strip())]
            if values:
                rows.append((labels[-1] if labels else "", values))
        text = kangxi_to_unified(read(path).decode("utf-8"))
        a = text.find(START)
        b = text.find(END, a)
        if not rows or a < 0 or b < 0:
            continue
        tot["extractions"] += 1
        for line in text[a + len(START):b].split("\n"):
            m = re.fullmatch(r"(.*\S) ([0-9]+)", line.strip())
            if not m or NUMBER_LINE.match(m.group(1)):
                continue
            tot["label lines"] += 1
            piece = m.group(1).split()[-1]
            hits = [k for k, (label, _) in enumerate(rows) if len(piece) >= 2 and piece in label]
            if len(hits) != 1:
                tot["piece in several row labels" if hits else "piece in no row label"] += 1
                print(f"left: {path}: {line.strip()!r}")
                continue
            tot["placed"] += 1
            if rows[hits[0]][1][0] == m.group(2):
                tot["right"] += 1
            else:
                print(f"WRONG: {path}: {line.strip()!r} is row {rows[hits[0]]}")
    print(tot)


def summary(paths):
    """What the dumped tables say: per value cell the kind of text that holds it; per column whether
    pdfminer's order reads it top to bottom; how many readings box contents and arithmetic leave."""
    from math import factorial
    recs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            recs += json.load(f)
    tot = {}
    for rec in recs:
        rows, vals = rec["rows"], rec["values"]
        R, C = len(vals), len(vals[0])
        kind, seq = {}, []
        for b in rec["boxes"]:
            in_box = [c for ln in b["lines"] for c in ln["cells"] if c]
            has_text = any(not NUMBER_LINE.match(ln["text"].strip()) for ln in b["lines"])
            for ln in b["lines"]:
                cs = [tuple(c) for c in ln["cells"] if c]
                numbers_only = bool(NUMBER_LINE.match(ln["text"].strip()))
                for c in cs:
                    seq.append(c)
                    kind[c] = ("label line" if not numbers_only else "header box" if has_text
                               else "two-number line" if len(cs) > 1 else "column run" if len(in_box) > 1
                               else "single")
                if cs and not numbers_only:  # a label and its row's first value on one line
                    tot["label lines"] = tot.get("label lines", 0) + 1
                    tot["label lines: first value of the row"] = tot.get("label lines: first value of the row", 0) + (
                        cs[0][1] == 0 and ln["text"].replace(" ", "").rstrip("0123456789").strip() != "")
        counts = {}
        for k in kind.values():
            counts[k] = counts.get(k, 0) + 1
        for k, n in counts.items():
            tot["cells: " + k] = tot.get("cells: " + k, 0) + n
        not_down = [c for c in range(C) if [r for r, cc in seq if cc == c] != sorted(r for r, cc in seq if cc == c)]
        first = next(i for i, l in enumerate(rows) if "（一）" in l)
        last = next(i for i, l in enumerate(rows) if "（七）" in l)
        # result rows every cell of which stands alone (one number in its box, or a two-number line of
        # such cells): any two of them can trade places without changing a box, a line or a sum.
        free = [r for r in range(first, last) if all(kind.get((r, c)) in ("single", "two-number line") for c in range(C))]
        same = {}
        for r in free:
            same[tuple(vals[r])] = same.get(tuple(vals[r]), 0) + 1
        readings = factorial(len(free))
        for n in same.values():
            readings //= factorial(n)
        for k, v in (("tables", 1), ("columns", C), ("columns not top to bottom", len(not_down)),
                     ("tables whose free rows can trade places", readings > 1)):
            tot[k] = tot.get(k, 0) + v
        print(f"{rec['doc']:24} {rec['route']:11} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
              + f"; columns not top to bottom: {not_down or '-'}; free result rows {len(free)} "
              f"({len(same)} distinct): {readings} readings")
    print(tot)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docdirs", nargs="*")
    ap.add_argument("--degrade", default="/work/shared/eval/degrade.py")
    ap.add_argument("--pdf-cache", default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--route", choices=["libreoffice", "chromium", "both"], default="both")
    ap.add_argument("--runs", type=int, default=0, help="also run pdf2txt.py N times and compare orders")
    ap.add_argument("--no-dump", action="store_true")
    ap.add_argument("--order-of", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--summary", nargs="+", metavar="JSON", help="summarise --json dumps instead")
    ap.add_argument("--label-lines", nargs="+", metavar="PDFMINER_TXT",
                    help="try the label-line rule on committed pdfminer.txt files instead")
    a = ap.parse_args()
    if a.label_lines:
        label_lines(a.label_lines)
        return
    if a.summary:
        summary(a.summary)
        return
    if a.order_of:
        logging.disable(logging.WARNING)
        json.dump([(p, *[round(v, 1) for v in b.bbox]) for p, _, b in table_boxes(a.order_of)], sys.stdout)
        return
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    logging.disable(logging.WARNING)
    rawflag = load(os.path.join(HERE, "rawflag.py"), "rawflag")
    dg = load(a.degrade, "degrade")
    records, bad = [], 0
    for d in a.docdirs:
        d = d.rstrip("/")
        doc = os.path.basename(d)
        if not os.path.isfile(os.path.join(d, "gold.txt")):
            continue
        gold = read(os.path.join(d, "gold.txt")).decode("utf-8")
        if START not in gold:
            print(f"== {doc}: no table 三")
            continue
        blocks = dg.parse_gold(gold)
        routes = []
        if a.route in ("libreoffice", "both"):
            routes.append(("libreoffice", os.path.join(d, "extracted"), rawflag.render_lo))
        if a.route in ("chromium", "both") and os.path.isdir(os.path.join(d, "extracted", "chromium")):
            routes.append(("chromium", os.path.join(d, "extracted", "chromium"), rawflag.render_chromium))
        for route, extracted, render in routes:
            if not os.path.isfile(os.path.join(extracted, "pdfminer.txt")):
                continue
            cache = os.path.join(a.pdf_cache, doc, route + ".pdf") if a.pdf_cache else None
            pdf = proved_pdf(rawflag, dg, blocks, extracted, render, cache)
            if pdf is None:
                print(f"== {doc} {route}: MISMATCH (no render reproduces the committed text)")
                bad += 1
                continue
            if a.runs:
                runs(doc, route, pdf, read(os.path.join(extracted, "pdfminer.txt")), a.runs)
                order_runs(doc, route, pdf, a.runs)
            if not a.no_dump:
                dump(doc, route, pdf, gold, records)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(records, f, ensure_ascii=False, indent=1)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
