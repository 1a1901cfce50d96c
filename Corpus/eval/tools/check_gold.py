#!/usr/bin/env python3
"""check_gold.py [DIR...]  (default: every Corpus/eval/*/gold.txt)

Checks each hand-written gold against
  1. the canonical-form rules of /work/shared/CANONICAL.md that can be checked
     on the text alone (bytes, characters, spaces, blocks, table rectangularity);
  2. the template grids in goldlib.py (every table row has the template's number
     of cells and exactly its label cells; value cells are non-empty);
  3. the arithmetic of template-2021.md §4 for tables 三 and 四.
Arithmetic failures listed in the corpus's expected-errors.json (DIR/../, else
Corpus/eval's: the deliberate author errors) are reported as EXPECTED; any other problem makes the exit status 1.
Also checks that DIR/records.jsonl, if present, equals what gen_records.py makes.
"""
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import goldlib  # noqa: E402
from goldlib import V  # noqa: E402

EVAL = os.path.dirname(HERE)

CJK = re.compile(r"[\u2E80-\u2FDF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF“”‘’—…·]")
HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]")
KEPT_FW = set("，。、；：？！（）“”‘’《》〈〉【】〔〕—…·")
ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
SPACES = set("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
NUM = re.compile(r"^[0-9]+$")


def form_problems(text):
    p = []
    if text.startswith("\ufeff"):
        p.append("BOM")
    if not text.endswith("\n") or text.endswith("\n\n"):
        p.append("file must end with exactly one LF")
    if "\r" in text:
        p.append("CR in file")
    if "\n\n\n" in text:
        p.append("more than one blank line between blocks")
    if text.startswith("\n"):
        p.append("leading blank line")
    for ln_no, line in enumerate(text.split("\n"), 1):
        where = f"line {ln_no}"
        for ch in line:
            o = ord(ch)
            if (o < 0x20 and ch != "\t") or 0x7f <= o < 0xa0:
                p.append(f"{where}: control character U+{o:04X}")
            if ch in ZERO_WIDTH or 0xFE00 <= o <= 0xFE0F:
                p.append(f"{where}: zero-width/variation U+{o:04X}")
            if ch in SPACES:
                p.append(f"{where}: non-ASCII space U+{o:04X}")
            if 0xFF01 <= o <= 0xFF5E and ch not in KEPT_FW:
                p.append(f"{where}: full-width ASCII form {ch!r}")
            if 0x2F00 <= o <= 0x2FD5 or 0x2E80 <= o <= 0x2EF3:
                p.append(f"{where}: Kangxi/radical {ch!r}")
            if 0xF900 <= o <= 0xFAFF:
                p.append(f"{where}: compatibility ideograph {ch!r}")
        if line != line.strip(" "):
            p.append(f"{where}: leading/trailing space")
        if unicodedata.normalize("NFC", line) != line:
            p.append(f"{where}: not NFC")
        for m in re.finditer(r" ", line):
            a = line[m.start() - 1] if m.start() > 0 else ""
            b = line[m.end()] if m.end() < len(line) else ""
            if CJK.match(a or "x") or CJK.match(b or "x"):
                p.append(f"{where}: space next to CJK: {line[max(0, m.start()-6):m.end()+6]!r}")
        if "  " in line:
            p.append(f"{where}: double space")
        for m in re.finditer(r"[,;:?!()\"']", line):
            a = line[m.start() - 1] if m.start() > 0 else ""
            b = line[m.end()] if m.end() < len(line) else ""
            if HAN.match(a or "x") or HAN.match(b or "x") or (a and a in KEPT_FW) or (b and b in KEPT_FW):
                p.append(f"{where}: ASCII punctuation {m.group()!r} in Han text: {line[max(0, m.start()-6):m.end()+6]!r}")
        for m in re.finditer(r"\.", line):
            a = line[m.start() - 1] if m.start() > 0 else ""
            b = line[m.end()] if m.end() < len(line) else ""
            if HAN.match(a or "x"):
                p.append(f"{where}: ASCII '.' after Han: {line[max(0, m.start()-6):m.end()+6]!r}")
        for m in re.finditer(r"[，。；：（）]", line):
            a = line[m.start() - 1] if m.start() > 0 else ""
            b = line[m.end()] if m.end() < len(line) else ""
            if re.match(r"[0-9]", a or "x") and re.match(r"[0-9]", b or "x") and m.group() in "。，":
                p.append(f"{where}: full-width punctuation inside a number: {line[max(0, m.start()-6):m.end()+6]!r}")
    blocks = goldlib.blocks_of(text)
    for i, b in enumerate(blocks):
        if not b.strip():
            p.append(f"block {i+1}: empty")
        if "\t" not in b and "\n" in b:
            p.append(f"block {i+1}: non-table block has more than one line: {b[:30]!r}")
        if "\t" in b:
            lines = b.split("\n")
            if any("\t" not in ln for ln in lines):
                p.append(f"block {i+1}: table block has a line without TAB")
            widths = {len(ln.split("\t")) for ln in lines}
            if len(widths) != 1:
                p.append(f"block {i+1}: table rows have different cell counts {sorted(widths)}")
            for ln in lines:
                for c in ln.split("\t"):
                    if c != c.strip():
                        p.append(f"block {i+1}: cell with outer space {c!r}")
    return p


def grid_problems(text):
    p = []
    tables = goldlib.tables_of(text)
    fmt = goldlib.doc_format(tables)
    kinds = [k for k, _ in tables]
    for k in ("二", "三", "四"):
        # table 三 may be absent: a short report can state its applications in
        # prose instead (as /work/shared/eval/sample-gold.txt does)
        if kinds.count(k) != 1 and not (k == "三" and kinds.count(k) == 0):
            p.append(f"table {k} appears {kinds.count(k)} times")
    for kind, rows in tables:
        if kind is None:
            p.append(f"unrecognised table starting {rows[0][0]!r}")
            continue
        tid, tpl = goldlib.TEMPLATES[(fmt, kind)]
        if len(rows) != len(tpl):
            p.append(f"{tid}: {len(rows)} rows, template has {len(tpl)}")
        for ri, ((cells, _), row) in enumerate(zip(tpl, rows)):
            if len(row) != len(cells):
                p.append(f"{tid} row {ri+1}: {len(row)} cells, template has {len(cells)}")
                continue
            for ci, (t, c) in enumerate(zip(cells, row)):
                if t is V:
                    if c == "":
                        p.append(f"{tid} row {ri+1} col {ci+1}: empty value cell")
                    elif kind in ("三", "四") and not NUM.match(c):
                        p.append(f"{tid} row {ri+1} col {ci+1}: non-integer count {c!r}")
                    elif kind == "二" and not re.fullmatch(r"(增|减|[+-])?[0-9]+(\.[0-9]+)?(元|万元)?", c):
                        p.append(f"{tid} row {ri+1} col {ci+1}: odd value {c!r}")
                elif t != c:
                    p.append(f"{tid} row {ri+1} col {ci+1}: {c!r} where the template has {t!r}")
    return p, fmt


def arithmetic(text):
    """Return a list of (description, set of cells involved) for failed relations.
    A cell is (table-kind, row path tuple, column path tuple)."""
    fails = []
    tables = goldlib.tables_of(text)
    fmt = goldlib.doc_format(tables)
    for kind, rows in tables:
        if kind not in ("三", "四"):
            continue
        tid, tpl = goldlib.TEMPLATES[(fmt, kind)]
        cell = {}
        for ri, (cells, path) in enumerate(tpl):
            for ci, t in enumerate(cells):
                if t is V:
                    col = goldlib.column_path(kind, tpl, ri, ci)
                    try:
                        cell[(tuple(path), tuple(col))] = int(rows[ri][ci])
                    except (ValueError, IndexError):
                        pass

        def check(desc, lhs, rhs):
            keys = lhs + rhs
            if any(k not in cell for k in keys):
                return
            a = sum(cell[k] for k in lhs)
            b = sum(cell[k] for k in rhs)
            if a != b:
                fails.append((f"{tid}: {desc}: {a} != {b}", {(kind,) + k for k in keys}))

        if kind == "三":
            paths = [tuple(p) for c, p in tpl if p is not None]
            new, carried, total, carry = paths[0], paths[1], paths[-2], paths[-1]
            results = paths[2:-2]
            for col in goldlib.T3_COLS:
                c = tuple(col)
                check(f"column {col[-1]}: 一+二 = （七）总计+四", [(new, c), (carried, c)], [(total, c), (carry, c)])
                check(f"column {col[-1]}: （七）总计 = sum of result rows", [(total, c)], [(r, c) for r in results])
            for p in paths:
                check(f"row {p[-1][:12]}: 总计 = sum of applicant columns",
                      [(p, tuple(goldlib.T3_COLS[-1]))], [(p, tuple(c)) for c in goldlib.T3_COLS[:-1]])
        else:
            for g in range(3):
                cols = [tuple(c) for c in goldlib.T4_COLS[g * 5:(g + 1) * 5]]
                check(f"{' '.join(cols[0][:-1])}: 总计 = sum of four parts",
                      [((), cols[4])], [((), c) for c in cols[:4]])
    return fails


def expected_errors(corpus):
    """The deliberate author errors of a corpus: its own expected-errors.json
    (Corpus/holdout has one too), else Corpus/eval's."""
    path = os.path.join(corpus, "expected-errors.json")
    if not os.path.exists(path):
        path = os.path.join(EVAL, "expected-errors.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    dirs = sys.argv[1:] or sorted(os.path.dirname(g) for g in glob.glob(os.path.join(EVAL, "*", "gold.txt")))
    bad = 0
    for d in dirs:
        doc = os.path.basename(os.path.normpath(d))
        expected = expected_errors(os.path.dirname(os.path.abspath(os.path.normpath(d))))
        with open(os.path.join(d, "gold.txt"), "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            print(f"{doc}: FAIL not UTF-8: {e}")
            bad += 1
            continue
        probs = form_problems(text)
        gp, fmt = grid_problems(text)
        probs += gp
        fails = arithmetic(text)
        exp = expected.get(doc)
        notes = []
        if exp:
            ecell = ({"2019-applications": "三", "2021-applications": "三",
                      "2019-review-litigation": "四", "2021-review-litigation": "四"}[exp["table"]],
                     tuple(exp["row"]), tuple(exp["column"]))
            if not fails:
                probs.append(f"expected deliberate error in {exp['table']} {exp['row']} {exp['column']} not found")
            for desc, cells in fails:
                if ecell in cells:
                    notes.append(f"EXPECTED {desc}")
                else:
                    probs.append(f"arithmetic: {desc}")
        else:
            probs += [f"arithmetic: {desc}" for desc, _ in fails]
        rec_path = os.path.join(d, "records.jsonl")
        if os.path.exists(rec_path):
            with open(rec_path, encoding="utf-8") as f:
                have = [json.loads(l) for l in f if l.strip()]
            want = list(goldlib.records(text))
            if have != want:
                probs.append("records.jsonl differs from the gold's table cells")
        status = "FAIL" if probs else "ok"
        kinds = [k for k, _ in goldlib.tables_of(text)]
        extra = "" if "三" in kinds else "; table 三 given in prose"
        print(f"{doc}: {status} (format {fmt}, {len(text.splitlines())} lines{extra})")
        for n in notes:
            print(f"  {n}")
        for pr in probs:
            print(f"  {pr}")
        bad += bool(probs)
    print(f"{len(dirs)} documents, {bad} with unexpected problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
