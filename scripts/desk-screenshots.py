#!/usr/bin/env python3
"""The publishing desk's three steps, for README: `congkhai serve` on a portal of the seeds'
units, Chromium through Selenium: (1) the unit and the file chosen, (2) the form with the fields
read, (3) the published page. Usage: desk-screenshots.py [CONGKHAI] (default the release build)."""
import os, shutil, socket, subprocess, sys, tempfile, time, urllib.request
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "congkhai")
SEED = os.path.join(os.path.dirname(ROOT), "shared", "seeds", "003_ea1c57bf483b1fef.txt")
OUT = os.path.join(ROOT, "docs", "screenshots")

folder = tempfile.mkdtemp(prefix="congkhai-desk-shots-")
with open(os.path.join(folder, "congkhai.yaml"), "w", encoding="utf-8") as f:
    f.write("title: Cổng công khai thông tin\n")
os.makedirs(os.path.join(folder, "content", "units", "th-an-phuoc"))
with open(os.path.join(folder, "content", "units", "th-an-phuoc", "unit.yaml"), "w", encoding="utf-8") as f:
    f.write("name: Trường Tiểu học An Phước\nkind: tieu-hoc\n")
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([BIN, "serve", "--source", folder, "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
root = f"http://127.0.0.1:{port}/"
options = Options()
for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
    options.add_argument(argument)
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
try:
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(root + "_soan-thao/", timeout=2)
            break
        except OSError:
            assert time.time() < deadline, "serve did not start"
            time.sleep(0.2)
    browser.set_window_size(390, 1000)
    browser.get(root + "_soan-thao/")
    Select(browser.find_element(By.ID, "unit")).select_by_value("th-an-phuoc")
    browser.find_element(By.ID, "file").send_keys(SEED)
    browser.save_screenshot(os.path.join(OUT, "soan-thao-1-chon-tep.png"))
    browser.find_element(By.CSS_SELECTOR, "form[action$='nhap'] button").click()
    WebDriverWait(browser, 60).until(lambda b: "Kiểm tra" in b.execute_script("return document.title"))
    browser.set_window_size(1280, 1500)
    browser.save_screenshot(os.path.join(OUT, "soan-thao-2-kiem-tra.png"))
    browser.find_element(By.CSS_SELECTOR, "form[action$='luu'] button").click()
    WebDriverWait(browser, 60).until(lambda b: "/don-vi/th-an-phuoc/" in b.current_url)
    browser.set_window_size(390, 1000)
    # Loaded again at the phone's width, as a phone opens it (its record folded).
    browser.get(browser.current_url)
    time.sleep(1)
    browser.save_screenshot(os.path.join(OUT, "soan-thao-3-da-dang.png"))
finally:
    browser.quit()
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)
