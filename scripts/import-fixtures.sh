#!/bin/sh
# Makes the import tests' inputs in Tests/ImportFixtures/ as clerks' text really comes:
# documents of the example portals, built and printed to PDF by chromium (their page prints in
# the state format: letterhead, number, place and date, type, subject, body, signature), then
# the text taken out of the PDF by `pdftotext -raw` (text in reading order, each printed line a
# line) and by pypdf (what a PDF viewer's "copy" gives), and the built page itself, saved as a
# browser saves it. Run by hand when the page layout changes (needs chromium, poppler-utils and
# `pip install pypdf`); the files are committed, so tests need none of these tools.
set -eu
BIN=${1:-.build/release/congkhai}
OUT=Tests/ImportFixtures
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIN" build --source . --output "$WORK/site" >/dev/null 2>&1
"$BIN" build --source examples/truong-mau --output "$WORK/demo" >/dev/null 2>&1
# name, built page: seeds 001, 002 and 004 of ../shared/seeds, and the demo school's plan.
while read -r name page; do
    chromium --headless=new --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$WORK/$name.pdf" "file://$WORK/$page" 2>/dev/null
    pdftotext -raw -enc UTF-8 "$WORK/$name.pdf" "$OUT/$name.pdftotext-raw.txt"
    python3 -c '
import sys, pypdf
reader = pypdf.PdfReader(sys.argv[1])
sys.stdout.write("\n".join(page.extract_text() for page in reader.pages) + "\n")
' "$WORK/$name.pdf" > "$OUT/$name.pypdf.txt"
    cp "$WORK/$page" "$OUT/$name.html"
done <<PAGES
001 site/don-vi/phong-gddt-binh-son/2021-2022/ke-hoach-nang-cao-hieu-qua-cong-tac-dan-van/index.html
002 site/don-vi/th-tan-thanh-a1/2023-2024/bao-cao-dan-van-6-thang-dau-nam-2024/index.html
004 site/don-vi/cong-doan-giao-duc-ha-noi/2019-2020/ke-hoach-nam-dan-van-kheo-2020/index.html
demo demo/don-vi/th-mau/2025-2026/ke-hoach-dan-van/index.html
PAGES
ls -l "$OUT"
