#!/usr/bin/env bash
# ftfy's fix_text on the same generated corpus as `docnorm bench`, for the
# README's comparison (not run in CI). ftfy comes from PyPI into a venv under /tmp.
#   scripts/bench-ftfy.sh [MEGABYTES]      (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
venv=/tmp/docnorm-ftfy-venv
corpus=/tmp/docnorm-bench-corpus-$mb
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q ftfy
fi
if [ ! -d "$corpus" ]; then
  swift build -c release --product docnorm >/dev/null
  .build/release/docnorm bench --megabytes "$mb" --write-corpus "$corpus"
fi
"$venv/bin/python" - "$corpus" <<'PY'
import os, sys, time, resource, ftfy
folder = sys.argv[1]
docs = [open(os.path.join(folder, n), encoding="utf-8").read() for n in sorted(os.listdir(folder))]
size = sum(len(d.encode("utf-8")) for d in docs)
start = time.perf_counter()
out = 0
for d in docs:
    out += len(ftfy.fix_text(d))
seconds = time.perf_counter() - start
print(f"ftfy {ftfy.__version__} fix_text: {len(docs)} documents, {size / 1e6:.1f} MB in {seconds:.2f} s: "
      f"{size / 1e6 / seconds:.2f} MB/s, {len(docs) / seconds:.0f} docs/s, "
      f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")
PY
