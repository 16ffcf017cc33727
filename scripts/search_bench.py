#!/usr/bin/env python3
"""Search figures on a built site: for each query, the bytes the browser loads (page, stylesheet,
script and index parts) and the time from navigation to results in headless Chromium, opened
from the folder (file://). Usage: search_bench.py SITE_FOLDER [LABEL] (prints a Markdown table).
make bench runs it on its 10,000-document portal and checks the limits in docs/search.md."""
import os, re, subprocess, sys, urllib.parse

QUERIES = ["dân vận khéo", "dan van kheo", "ke hoach dan van", "Tân Hồng", "33/CT-TTg", "33", "doan the",
           "Trường Tiểu học số 12", "thu chi", "hoc phi"]
# Listed by filters alone (no words): the first school year; one unit's reports.
FILTERS = {"năm học (bộ lọc, không từ khóa)": "nam=0", "đơn vị + loại (bộ lọc, không từ khóa)": "don-vi=5&loai=1"}
# docs/search.md: what one query may cost at 10,000 documents, from file://.
MAX_BYTES = 300 * 1024
MAX_MS = 1000


def measure(site, query, parameters=None):
    parameters = parameters or "q=" + urllib.parse.quote(query)
    url = "file://" + os.path.join(site, "tim-kiem", "index.html") + "?" + parameters
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                          "--user-data-dir=/tmp/congkhai-search-bench", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120).stdout
    match = re.search(r'<ol id="ket-qua"[^>]*data-loaded="([^"]*)"[^>]*data-ms="(\d+)"', dom)
    results = len(re.findall(r'<li><a href="[^"]*"[^>]*>', dom.split('id="ket-qua"', 1)[-1]))
    if not match:
        return None
    # meta.js is loaded by the page itself, before any query: counted too.
    parts = ["meta.js"] + [f for f in match.group(1).split() if f != "meta.js"]
    files = ["tim-kiem/index.html", "assets/style.css", "assets/search.js"] + ["tim-kiem/chi-muc/" + f for f in parts]
    size = sum(os.path.getsize(os.path.join(site, f)) for f in files)
    return size, int(match.group(2)), results, len(files)


def table(site, label):
    """The Markdown table's lines and whether every query kept within the limits."""
    lines = [f"| query ({label}) | downloaded | files | results shown | time to results |", "|---|---|---|---|---|"]
    within = True
    for query, parameters in [(q, None) for q in QUERIES] + list(FILTERS.items()):
        figures = measure(site, query, parameters)
        if figures is None:
            lines.append(f"| {query} | – | – | – | no results rendered |")
            within = False
            continue
        size, ms, results, files = figures
        within = within and size <= MAX_BYTES and ms <= MAX_MS
        lines.append(f"| {query} | {size / 1024:.0f} KB | {files} | {results} | {ms} ms |")
    return lines, within


def main():
    site = os.path.abspath(sys.argv[1])
    lines, within = table(site, sys.argv[2] if len(sys.argv) > 2 else site)
    print("\n".join(lines))
    print(f"\nwithin {MAX_BYTES // 1024} KB and {MAX_MS} ms per query: {'yes' if within else 'NO'}")


if __name__ == "__main__":
    main()
