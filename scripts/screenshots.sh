#!/usr/bin/env bash
# make screenshots: the example portal's main pages at phone (390 px) and desktop (1280 px)
# widths, taken by headless Chromium from the folder, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
site="$(mktemp -d)/public"
.build/release/congkhai build --source . --output "$site" >/dev/null 2>&1
mkdir -p docs/screenshots
shoot() {  # name, page, width, height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$3,$4" \
    --screenshot="docs/screenshots/$1.png" "file://$site/$2" >/dev/null 2>&1
}
for width in 390 1280; do
  label=$([ "$width" = 390 ] && echo dien-thoai || echo may-tinh)
  height=$([ "$width" = 390 ] && echo 1400 || echo 1000)
  shoot "trang-chu-$label" "index.html" "$width" "$height"
  shoot "van-ban-$label" "don-vi/th-tan-thanh-a1/2023-2024/bao-cao-dan-van-6-thang-dau-nam-2024/index.html" "$width" "$height"
  shoot "don-vi-$label" "don-vi/th-an-phuoc/index.html" "$width" "$height"
  shoot "can-cu-$label" "can-cu/33-ctttg-2021/index.html" "$width" "$height"
  shoot "tim-kiem-$label" "tim-kiem/index.html?q=dan%20van%20kheo" "$width" "$height"
  shoot "ke-hoach-$label" "don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html" "$width" "$height"
  shoot "muc-luc-can-cu-$label" "can-cu/index.html" "$width" "$height"
done
# A document printed (chromium to PDF): its first page and the page its appendix starts on.
pdf="$(dirname "$site")/ke-hoach.pdf"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" \
  "file://$site/don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html" >/dev/null 2>&1
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" docs/screenshots/ban-in-trang-1
last=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
for page in $(seq 1 "$last"); do
  if pdftotext -f "$page" -l "$page" "$pdf" - | grep -q "DANH MỤC VĂN BẢN"; then
    pdftoppm -png -r 60 -f "$((page - 1))" -l "$((page - 1))" -singlefile "$pdf" docs/screenshots/ban-in-chu-ky
    pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$pdf" docs/screenshots/ban-in-phu-luc
    break
  fi
done
# The illustrative TT 09 portal: a school's checklist on a phone, the progress table on a desktop.
demo="$(dirname "$site")/demo"
.build/release/congkhai build --source examples/truong-mau --output "$demo" >/dev/null 2>&1
site="$demo"
shoot "danh-muc-cong-khai-dien-thoai" "don-vi/th-mau/cong-khai/2026/index.html" 390 1600
shoot "don-vi-mau-dien-thoai" "don-vi/th-mau/index.html" 390 1200
shoot "tien-do-cong-khai-may-tinh" "cong-khai/tien-do/2026/index.html" 1280 800
shoot "tien-do-cong-khai-dien-thoai" "cong-khai/tien-do/2026/index.html" 360 900
shoot "tim-kiem-hoc-phi-dien-thoai" "tim-kiem/index.html?q=hoc%20phi" 390 1100
rm -rf "$(dirname "$site")"
# The publishing desk's three steps (`congkhai serve`), for README.
python3 scripts/desk-screenshots.py
ls docs/screenshots
