#!/usr/bin/env python3
"""pipe2tab.py DRAFT GOLD: the golds were typed with '|' as the cell separator
(no gold text contains '|'); this writes the draft with every '|' replaced by a
TAB and nothing else changed."""
import sys

src = open(sys.argv[1], encoding="utf-8").read()
assert src.endswith("\n")
open(sys.argv[2], "w", encoding="utf-8").write(src.replace("|", "\t"))
