#!/usr/bin/env bash
# collect.sh ID [OUT=/tmp/eval-out]: copy degrade.py's unmodified extractor outputs
# (every *.txt, html-lo.html, chromium/*.txt) of OUT/ID into Corpus/eval/ID/extracted/.
# PDFs, DOCX and chromium/doc.html are not copied.
set -euo pipefail
id=$1; out=${2:-/tmp/eval-out}
here=$(cd "$(dirname "$0")/.." && pwd)
src=$out/$id; dst=$here/$id/extracted
rm -rf "$dst"; mkdir -p "$dst"
cp "$src"/*.txt "$src"/html-lo.html "$dst"/
if [[ -d $src/chromium ]]; then
  mkdir -p "$dst/chromium"; cp "$src"/chromium/*.txt "$dst/chromium/"
fi
pages=$(pdfinfo "$src/doc.pdf" | awk '/^Pages:/{print $2}')
echo "$id: $(ls "$dst" | wc -l) files, $pages pages (LibreOffice PDF)"
