#!/usr/bin/env bash
# Fuzz the whole pipeline with libFuzzer for a set time (default 300 s).
#
#   scripts/fuzz.sh [seconds] [extra libFuzzer flags…]
#
# Builds Fuzz/ (a package of its own, so `swift build`/`swift test` of the root
# package never see the fuzzer flags) with -sanitize=fuzzer,address, seeds a
# working corpus from Corpus/samples/*/input.txt and Tests/Fixtures/, and runs
# one low-priority job. Every input is checked against the guarantees
# (Sources/DocNorm/Guarantees); a crash, a hang (> 20 s), a broken guarantee or
# memory over 2 GB stops the run and leaves the input in fuzz-artifacts/.
# To keep going past a break, pass -fork=1 -ignore_crashes=1 (every crashing
# input is still saved). Minimize one with:
#   SWIFT_BACKTRACE=enable=no Fuzz/.build/release/DocNormFuzz -minimize_crash=1 \
#     -max_total_time=120 -exact_artifact_path=min.bin fuzz-artifacts/crash-…
# and keep it in Tests/Fixtures/fuzz-regressions/ (FuzzRegressionTests runs them).
# The target mutates report structure as well as bytes (docs/fuzzing.md,
# "Structure-aware mutations"); DOCNORM_FUZZ_BYTES_ONLY=1 with -len_control=100
# runs libFuzzer's own mutations only, as before run 68.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true

(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -v '__asan_extra_spill_area' | tail -3)

corpus=Fuzz/.build/corpus
mkdir -p "$corpus" fuzz-artifacts
# Known breaks (*.known.bin) are left out: they would stop the run at once.
for f in Corpus/samples/*/input.txt Tests/Fixtures/*/*.txt Tests/Fixtures/*/*.bin; do
  case "$f" in *.known.bin) continue ;; esac
  [ -f "$f" ] && cp -n "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
done

# The Swift runtime's crash handler reads memory ASan reports as an overflow; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
# One process at a time: the machine is shared. -fork replaces -jobs.
mode=(-jobs=1 -workers=1)
for flag in "$@"; do case "$flag" in -fork=*) mode=() ;; esac; done
exec nice -n 19 Fuzz/.build/release/DocNormFuzz "$corpus" \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
  "${mode[@]}" -artifact_prefix=fuzz-artifacts/ -print_final_stats=1 "$@"
