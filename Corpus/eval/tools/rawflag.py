#!/usr/bin/env python3
"""rawflag.py [-j N] [--degrade PATH] DOCDIR...

Adds `pdftotext -raw` (poppler's content-stream order) to documents already
rendered by degrade.py. degrade.py's `pdftotext-raw.txt` is plain
`pdftotext doc.pdf` (poppler's default reading-order mode), so the corpus had no
real -raw output. For each DOCDIR (Corpus/eval/<id> or Corpus/holdout/<id>):

1. re-render gold.txt exactly as degrade.py does, with degrade.py's own
   functions (parse_gold, build_docx -> soffice PDF; build_html -> headless
   Chromium --print-to-pdf when extracted/chromium/ exists);
2. prove the PDF is the committed one: plain `pdftotext doc.pdf` must equal
   extracted/pdftotext-raw.txt (chromium/pdftotext-raw.txt) byte for byte.
   degrade.py's --page-format is not recorded with the extractions, so the
   footer formats in PAGE_FORMATS are tried in turn; the first that reproduces
   the committed text is used;
3. only then write `pdftotext -raw doc.pdf`, unmodified, to
   extracted/pdftotext-rawflag.txt (extracted/chromium/pdftotext-rawflag.txt).

A document (or route) whose PDF cannot be reproduced gets no rawflag file and is
listed as MISMATCH. At most -j renders run at once (default 1, the machine is
shared); OCR and the Word/HTML text steps are not run. Exit status 1 if any
route did not reproduce.

    OMP_THREAD_LIMIT=1 python3 Corpus/eval/tools/rawflag.py -j 2 Corpus/eval/*/
"""
import argparse
import concurrent.futures
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

PAGE_FORMATS = ["- {} -", "-{}-"]


def load_degrade(path):
    spec = importlib.util.spec_from_file_location("degrade", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pdftotext(pdf, *flags):
    return subprocess.run(["pdftotext", *flags, pdf, "-"], capture_output=True, check=True).stdout


def read(path):
    with open(path, "rb") as f:
        return f.read()


def render_lo(dg, blocks, work, page_fmt):
    docx = os.path.join(work, "doc.docx")
    dg.build_docx(blocks, docx, merge=True, page_fmt=page_fmt)
    dg.soffice_convert(docx, "pdf", work, os.path.join(work, "lo-profile"))
    return os.path.join(work, "doc.pdf")


def render_chromium(dg, blocks, work, page_fmt):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        raise SystemExit("no chromium on PATH (bash /work/shared/eval/setup.sh --with-chromium)")
    html = os.path.join(work, "doc.html")
    pdf = os.path.join(work, "doc.pdf")
    dg.build_html(blocks, html, merge=True, page_fmt=page_fmt)
    dg.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            f"--user-data-dir={os.path.join(work, 'chromium-profile')}",
            f"--print-to-pdf={pdf}", "file://" + html])
    return pdf


def do_route(dg, blocks, extracted, render, label):
    committed = os.path.join(extracted, "pdftotext-raw.txt")
    want = read(committed)
    for fmt in PAGE_FORMATS:
        work = tempfile.mkdtemp(prefix="rawflag-")
        try:
            pdf = render(dg, blocks, work, fmt)
            if pdftotext(pdf) == want:
                with open(os.path.join(extracted, "pdftotext-rawflag.txt"), "wb") as f:
                    f.write(pdftotext(pdf, "-raw"))
                return f"{label} ok (page format {fmt!r})"
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return f"{label} MISMATCH (no page format reproduces {committed})"


def do_doc(degrade_path, docdir):
    dg = load_degrade(degrade_path)
    docdir = docdir.rstrip("/")
    doc = os.path.basename(docdir)
    with open(os.path.join(docdir, "gold.txt"), encoding="utf-8") as f:
        blocks = dg.parse_gold(f.read())
    extracted = os.path.join(docdir, "extracted")
    out = [do_route(dg, blocks, extracted, render_lo, "libreoffice")]
    if os.path.isdir(os.path.join(extracted, "chromium")):
        out.append(do_route(dg, blocks, os.path.join(extracted, "chromium"), render_chromium, "chromium"))
    return doc, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docdirs", nargs="+")
    ap.add_argument("-j", type=int, default=1, help="renders at once (default 1, at most 2)")
    ap.add_argument("--degrade", default="/work/shared/eval/degrade.py")
    a = ap.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    bad = 0
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, min(a.j, 2))) as ex:
        futs = [ex.submit(do_doc, a.degrade, d) for d in a.docdirs if os.path.isfile(os.path.join(d, "gold.txt"))]
        for fut in futs:
            doc, lines = fut.result()
            for ln in lines:
                bad += "MISMATCH" in ln
                print(f"{doc}: {ln}", flush=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
