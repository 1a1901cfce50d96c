#!/usr/bin/env bash
# Checks that `docnorm diff --html` makes a page a real browser renders:
# headless Chromium (Debian package `chromium`) loads the page, its DOM must
# hold the diff table, and a screenshot must be a non-trivial PNG.
#
#   scripts/check-diff-html.sh [INPUT] [SCREENSHOT.png]
#
# INPUT defaults to a bundled sample with tables; the screenshot defaults to
# a temporary file. Exits 0 when the page renders, 1 when it does not; when
# Chromium is not installed it says "skipped" and exits 0 (apt-get install -y chromium).
# Uses the docnorm binary in $DOCNORM, else .build/debug/docnorm.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-Corpus/samples/xinye-2025-word-tabs/input.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shot=${2:-$work/diff.png}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z $browser ]]; then
  echo "check-diff-html: skipped: no chromium (apt-get install -y chromium)" >&2
  exit 0
fi
docnorm=${DOCNORM:-.build/debug/docnorm}
"$docnorm" diff --html "$work/diff.html" "$input"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile")
"$browser" "${flags[@]}" --dump-dom "file://$work/diff.html" > "$work/dom.html" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1200,900 --screenshot="$shot" "file://$work/diff.html" >/dev/null 2>&1
grep -q '<table class="diff">' "$work/dom.html" || { echo "check-diff-html: the rendered DOM has no diff table" >&2; exit 1; }
grep -q 'class="l del' "$work/dom.html" || { echo "check-diff-html: the rendered DOM shows no change" >&2; exit 1; }
size=$(stat -c %s "$shot" 2>/dev/null || echo 0)
# A blank 1200x900 page compresses to a few kilobytes; a rendered diff is far larger.
if (( size < 20000 )); then
  echo "check-diff-html: the screenshot is $size bytes: nothing rendered" >&2
  exit 1
fi
echo "check-diff-html: rendered $input ($size-byte screenshot: $shot)"
