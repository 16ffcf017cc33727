#!/usr/bin/env python3
"""Search figures on a built site: for each query, the bytes the browser loads (page, stylesheet,
script and index parts) and the time from navigation to results in headless Chromium, opened
from the folder (file://). Usage: search_bench.py SITE_FOLDER [LABEL] (prints a Markdown table)."""
import os, re, subprocess, sys, urllib.parse

QUERIES = ["dân vận khéo", "dan van kheo", "Tân Hồng", "33/CT-TTg", "33", "doan the", "Trường Tiểu học số 12"]


def measure(site, query):
    url = "file://" + os.path.join(site, "tim-kiem", "index.html") + "?q=" + urllib.parse.quote(query)
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                          "--user-data-dir=/tmp/congkhai-search-bench", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120).stdout
    match = re.search(r'<ol id="ket-qua"[^>]*data-loaded="([^"]*)"[^>]*data-ms="(\d+)"', dom)
    results = len(re.findall(r'<li><a href="[^"]*"[^>]*>', dom.split('id="ket-qua"', 1)[-1]))
    if not match:
        return None
    files = ["tim-kiem/index.html", "assets/style.css", "assets/search.js"] + ["tim-kiem/chi-muc/" + f for f in match.group(1).split()]
    size = sum(os.path.getsize(os.path.join(site, f)) for f in files)
    return size, int(match.group(2)), results, len(files)


def main():
    site = os.path.abspath(sys.argv[1])
    label = sys.argv[2] if len(sys.argv) > 2 else site
    print(f"| query ({label}) | downloaded | files | results shown | time to results |")
    print("|---|---|---|---|---|")
    for query in QUERIES:
        figures = measure(site, query)
        if figures is None:
            print(f"| {query} | – | – | – | no results rendered |")
            continue
        size, ms, results, files = figures
        print(f"| {query} | {size / 1024:.0f} KB | {files} | {results} | {ms} ms |")


if __name__ == "__main__":
    main()
