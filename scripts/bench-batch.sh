#!/usr/bin/env bash
# Measures `docnorm batch` speed-up from --jobs: a corpus of COPIES copies of
# the five samples (each copy made distinct), run with --force at --jobs 1 and
# --jobs N (default: the core count), best of RUNS wall-clock times each. Run it
# on an idle machine: other processes on the cores distort the ratio.
#
#   scripts/bench-batch.sh [COPIES=200] [RUNS=3]       # DOCNORM=.build/release/docnorm to use a release build
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-200}; runs=${2:-3}; jobs=${JOBS:-$(nproc)}
docnorm=${DOCNORM:-.build/debug/docnorm}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq "$copies"); do
  for sample in Corpus/samples/*/; do
    mkdir -p "$work/in/$i"
    { cat "$sample/input.txt"; echo "第${i}份"; } > "$work/in/$i/$(basename "$sample").txt"
  done
done
# Runs alternate between the two settings so a change in machine load hits both.
timed() {
  local start end
  start=$(date +%s.%N)
  "$docnorm" batch "$work/in" "$work/out" --force --jobs "$1" 2>/dev/null
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}
one=""; many=""
for _ in $(seq "$runs"); do
  t=$(timed 1); one=$(python3 -c "print(min($t, ${one:-$t}))")
  t=$(timed "$jobs"); many=$(python3 -c "print(min($t, ${many:-$t}))")
done
files=$((copies * 5)); bytes=$(du -sb "$work/in" | cut -f1)
python3 -c "print(f'$files files, $bytes bytes: --jobs 1 {$one:.2f} s, --jobs $jobs {$many:.2f} s, speed-up {$one/$many:.2f}x')"
