#!/usr/bin/env python3
"""value_kinds.py DOCNORM [ROOT]

Table values placed in a cell whose column holds another kind of value
(run from the repository root; every extraction under ROOT/Corpus/*/*/extracted,
ROOT default ".", read with DOCNORM --format json).

A template column holds counts unless the template lists it among its
`amounts` (Rules/templates/*.json: 采购总金额, 本年收费金额（单位：万元）):
a count is a whole number, signed (增3, 减2, +3, -2) only under a header naming
the sign (本年增/减), perhaps with a count unit (件 个 条 项 次); an amount may
carry a decimal point and 元/万元, never a sign, a count unit or %. A value
whose kind contradicts its column (a decimal, 万元 or % among counts; a sign
under a header naming none; a count unit among amounts) is listed, with
whether a diagnostic names its cell or row (flagged) or not (SILENT).

Prints one line per such value, then counts by kind and by flagged/silent.
"""
import glob, json, os, re, subprocess, sys
from collections import Counter

docnorm = sys.argv[1]
root = sys.argv[2] if len(sys.argv) > 2 else "."

amounts = {}
for f in glob.glob(os.path.join(root, "Rules/templates/*.json")):
    t = json.load(open(f))
    amounts[t["id"]] = [tuple(p) for p in t.get("amounts", [])]
# Before the rule file named them (main's rules), the two amount columns.
for tid, col in (("2019-active-disclosure", ("采购总金额",)), ("2021-active-disclosure", ("本年收费金额（单位：万元）",))):
    if col not in amounts.get(tid, []):
        amounts.setdefault(tid, []).append(col)

SIGN = re.compile(r"^([增减]|[+\-](?=\d))")

def contradiction(value, column, table):
    header = column[-1]
    if tuple(column) in amounts.get(table, []):
        if SIGN.match(value): return "sign-in-amount"
        if re.search(r"[件个条项次%]$", value): return "count-in-amount"
        return None
    m = SIGN.match(value)
    if m and not ((m.group(1) in "增减" and m.group(1) in header) or (m.group(1) in "+-" and re.search("[增减]", header))):
        return "sign-under-unsigned-header"
    if "." in value: return "decimal-in-count"
    if "元" in value: return "yuan-in-count"
    if "%" in value: return "percent-in-count"
    return None

def flagged(diags, table, row, column):
    for d in diags:
        c = d.get("cells")
        if not c or c.get("table") != table: continue
        if "row" in c and c["row"] != row: continue
        if "column" in c and c["column"] != column: continue
        return True
    return False

kinds, states = Counter(), Counter()
files = sorted(glob.glob(os.path.join(root, "Corpus/*/*/extracted/**/*.txt"), recursive=True)
               + glob.glob(os.path.join(root, "Corpus/*/*/extracted/**/*.html"), recursive=True))
for f in files:
    out = subprocess.run([docnorm, f, "--format", "json"], capture_output=True, text=True).stdout
    try: doc = json.loads(out)
    except json.JSONDecodeError: continue
    diags = doc.get("diagnostics", [])
    for block in doc.get("blocks", []):
        table = block.get("template")
        for r in block.get("records", []) if table else []:
            k = contradiction(r["value"], r["column"], table)
            if not k: continue
            state = "flagged" if flagged(diags, table, r["row"], r["column"]) else "SILENT"
            kinds[k] += 1; states[state] += 1
            print(f"{state}\t{k}\t{os.path.relpath(f, root)}\t{'/'.join(r['row'])} × {'/'.join(r['column'])}\t{r['value']}")
print("by kind:", dict(kinds))
print("by state:", dict(states), "of", len(files), "extractions")
