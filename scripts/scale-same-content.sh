#!/usr/bin/env bash
# Where a big document's extra time per MB goes, on the SAME content: the
# bench's prose document of MB megabytes run whole (`docnorm FILE`) against
# the same bytes cut at line ends into 1 MB pieces run in one process
# (`docnorm batch --jobs 1`). The bench's scaling row compares the 100 MB
# document with a 1 MB one that holds other seeds in another mix; this holds
# the content fixed, so what is left is the size. CPU time (user + sys,
# minor page faults) is the measure: it holds on a loaded machine where wall
# clock does not. With PERF=1 each run is sampled (perf record -g, cpu-clock;
# its own overhead is then in the CPU line)
# and CPU milliseconds are listed for each stage's entry point and for the
# allocator's and the kernel's own time.
#
#   scripts/scale-same-content.sh [MB=20] [BINARY=.build/release/docnorm]   # PERF=1 for the stage table
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}; bin=$(realpath "${2:-.build/release/docnorm}")
work=$(mktemp -d /tmp/scale-same-content.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$bin" bench --corpus-root . --child-shape prose --child-bytes $((mb * 1000000)) --child-write "$work/whole.txt"
python3 - "$work" <<'EOF'
import sys, os
work = sys.argv[1]
data = open(f"{work}/whole.txt", "rb").read()
os.makedirs(f"{work}/in")
start = i = 0
while start < len(data):
    end = min(len(data), start + 1_000_000)
    if end < len(data):
        nl = data.find(b"\n", end)
        end = len(data) if nl < 0 else nl + 1
    open(f"{work}/in/{i:04d}.txt", "wb").write(data[start:end])
    i += 1
    start = end
EOF
pieces=$(ls "$work/in" | wc -l)
measure() {  # NAME COMMAND...: one line of CPU time, and a profile with PERF=1
  local name=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  if [ "${PERF:-0}" = 1 ]; then
    /usr/bin/time -o "$work/$name.time" -f "%U %S %e %R %M" perf record -q -F 499 -g -o "$work/$name.data" "$@" > /dev/null 2>&1
  else
    /usr/bin/time -o "$work/$name.time" -f "%U %S %e %R %M" "$@" > /dev/null 2>&1
  fi
  read -r user sys wall faults rss < "$work/$name.time"
  printf "%-28s user %6.2f s  sys %5.2f s  cpu %6.2f s  wall %6.2f s  minor faults %7d  max RSS %4d MiB  (load %s)\n" \
    "$name" "$user" "$sys" "$(python3 -c "print($user + $sys)")" "$wall" "$faults" $((rss / 1024)) "$load"
}
echo "$mb MB prose document ($(stat -c %s "$work/whole.txt") bytes), and the same bytes in $pieces pieces of about 1 MB"
measure "whole" "$bin" "$work/whole.txt"
measure "pieces (batch --jobs 1)" "$bin" batch "$work/in" "$work/out" --force --jobs 1
[ "${PERF:-0}" = 1 ] || exit 0
python3 - "$work/whole.data" "$work/pieces (batch --jobs 1).data" <<'EOF'
import re, subprocess, sys
# Each stage's entry point in Pipeline.run (largest inclusive share of a matching symbol).
entries = {
    "Pipeline.run": r"PipelineV3run_7options",
    "decode": r"DecoderV6decode_",
    "normalize: stage 1b": r"normalizeFusedMarking",
    "normalize: stage 1c (OCR)": r"OCRRepairsV6repair_",
    "lines: removeFurniture": r"LineRepairV15removeFurniture_",
    "tables: interleaved headings": r"restoreInterleavedHeadings_",
    "tables: recognize": r"TableRecognizerV9recognize_13reportEdition4memo7context9gridsOnly",
    "tables: settle probe": r"TableRecognizerV12readsTheSame_",
    "lines: joinLines": r"LineRepairV9joinLines_",
    "lines: rejoined": r"LineRepairV8rejoined_",
    "structure": r"StructureRecoveryV7recover_6tables7context",
    "render (text)": r"TextRendererO10renderUTF8",
}
def profile(path):
    out = subprocess.run(["perf", "report", "-i", path, "--children", "--sort", "symbol", "--stdio", "-g", "none"],
                         capture_output=True, text=True).stdout
    total = 1
    inclusive = {k: 0.0 for k in entries}
    own = {"allocator (own time)": 0.0, "kernel (own time)": 0.0}
    for line in out.splitlines():
        m = re.search(r"# Event count \(approx.\): (\d+)", line)
        if m: total = int(m.group(1))
        m = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+\[(.)\]\s+(.*)", line)
        if not m: continue
        children, self_, kind, symbol = float(m.group(1)), float(m.group(2)), m.group(3), m.group(4)
        for k, p in entries.items():
            if re.search(p, symbol): inclusive[k] = max(inclusive[k], children)
        if kind == "k": own["kernel (own time)"] += self_
        if re.search(r"malloc|_int_free|cfree|unlink_chunk|consolidate", symbol): own["allocator (own time)"] += self_
    ms = lambda share: share * total / 100 / 1e6  # cpu-clock counts nanoseconds
    return {**{k: ms(v) for k, v in inclusive.items()}, **{k: ms(v) for k, v in own.items()}}
whole, pieces = profile(sys.argv[1]), profile(sys.argv[2])
print(f"\n{'CPU ms (perf samples)':30s}{'whole':>9s}{'pieces':>9s}{'whole/pieces':>14s}")
for k in whole:
    ratio = f"{whole[k] / pieces[k]:.2f}" if pieces[k] > 0 else ""
    print(f"{k:30s}{whole[k]:9.0f}{pieces[k]:9.0f}{ratio:>14s}")
EOF
