#!/usr/bin/env bash
# Writes docnorm's outputs (text, JSON, trace) for every input under Corpus/samples
# (and any extra files given) into DIR, so that two builds can be compared with
# `diff -r`: speed work must not change a single byte.
#   scripts/snapshot-outputs.sh DIR [BINARY] [EXTRA_INPUT...]
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: snapshot-outputs.sh DIR [BINARY] [EXTRA_INPUT...]}
bin=${2:-.build/release/docnorm}
shift; shift || true
mkdir -p "$out"
for input in Corpus/samples/*/input.txt "$@"; do
  name=$(echo "$input" | tr '/' '_')
  "$bin" "$input" > "$out/$name.txt" 2> "$out/$name.err"; echo "exit $?" >> "$out/$name.err"
  "$bin" "$input" --format json > "$out/$name.json" 2>/dev/null
  "$bin" "$input" --trace > /dev/null 2> "$out/$name.trace"
done
