#!/usr/bin/env python3
"""gen_records.py DIR... : write DIR/records.jsonl from DIR/gold.txt.

The gold is hand-written; this only lists its template-table value cells in the
record format of Corpus/samples/*/expected-records.jsonl (same key order,
ensure_ascii=False, compact separators).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import goldlib  # noqa: E402

for d in sys.argv[1:]:
    with open(os.path.join(d, "gold.txt"), encoding="utf-8") as f:
        text = f.read()
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in goldlib.records(text)]
    with open(os.path.join(d, "records.jsonl"), "w", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in lines))
    print(f"{d}: {len(lines)} records")
