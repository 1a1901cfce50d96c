#!/usr/bin/env bash
# Runs examples/spark/normalize_corpus.py in Spark's local mode on the bundled
# samples plus one binary file, and checks that every input came back once,
# that each normalized text equals `docnorm FILE`, and that the binary file is
# an error record. Skips cleanly (exit 0, "skipped") when pyspark is absent
# (pip install pyspark; Spark needs Java 17).
#
#   examples/spark/run-local.sh        # PYTHON=/path/to/python to choose the interpreter
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-python3}
if ! "$python" -c "import pyspark" 2>/dev/null; then
  echo "run-local: skipped: pyspark is not installed for $python (pip install pyspark)"
  exit 0
fi
docnorm=${DOCNORM:-$PWD/.build/debug/docnorm}
[[ -x $docnorm ]] || swift build --product docnorm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for sample in Corpus/samples/*/; do cp "$sample/input.txt" "$work/in/$(basename "$sample").txt"; done
printf '%%PDF-1.7\n\0binary' > "$work/in/broken.txt"

PYSPARK_PYTHON=$python "$python" examples/spark/normalize_corpus.py --input "$work/in" --output "$work/out" \
  --docnorm "$docnorm" --partitions 3 2> "$work/spark.log" || { tail -30 "$work/spark.log"; exit 1; }

"$python" - "$work" "$docnorm" <<'PY'
import glob, json, os, subprocess, sys
work, docnorm = sys.argv[1], sys.argv[2]
records = [json.loads(line) for path in glob.glob(f"{work}/out/normalized/*.json") for line in open(path, encoding="utf-8")]
inputs = sorted(os.listdir(f"{work}/in"))
assert sorted(r["id"] for r in records) == inputs, f"ids {sorted(r['id'] for r in records)} != inputs {inputs}"
for r in records:
    if r["id"] == "broken.txt":
        assert r["status"] == "error" and "binary" in r["error"], r
        continue
    expected = subprocess.run([docnorm, f"{work}/in/{r['id']}"], capture_output=True, check=True).stdout.decode()
    assert r["status"] == "ok" and r["text"] == expected, f"{r['id']}: differs from docnorm FILE"
facts = glob.glob(f"{work}/out/facts/*.csv")
assert facts, "no facts table written"
print(f"run-local: ok: {len(records)} records ({len(inputs) - 1} normalized as docnorm does, 1 error record), facts in {len(facts)} part files")
PY
