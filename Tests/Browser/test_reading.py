"""A document as its readers use it (Debian's chromium through Selenium, from the folder): on a
360×740 phone the text of every seed document starts on the first screen, with the record and
the contents folded; on a wide screen they are open; a long document's contents lead to its
sections and "Lên đầu trang" floats once the reader is down the page; printed to PDF, the An
Phước plan reads in the order of Nghị định 30/2020 with page numbers from page 2 and its
appendix on a page of its own."""
import glob, os, re, shutil, subprocess, tempfile
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_portal import ROOT, browser, figure_lines, site, url  # noqa: F401 (fixtures)
from test_compliance import demo  # noqa: F401 (the demo portal fixture)

AN_PHUOC = "don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html"


def seed_pages():
    """The page of each document under content/ (the seeds, imported)."""
    pages = []
    for path in sorted(glob.glob(os.path.join(ROOT, "content", "units", "*", "*", "*.md"))):
        unit, year, name = path.split(os.sep)[-3:]
        pages.append(f"don-vi/{unit}/{year}/{name[:-3]}/index.html")
    return pages


def on_phone(browser, width=360, height=740):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})


def on_desktop(browser):
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.set_window_size(1280, 900)


@pytest.mark.parametrize("page", seed_pages())
def test_the_text_starts_on_the_first_phone_screen(site, browser, page):
    on_phone(browser)
    try:
        browser.get(url(site, page))
        first = browser.find_element(By.CSS_SELECTOR, ".document-body > :not(h2.visually-hidden)")
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", first)
        assert top < 740 - 40, f"the body's first block starts at {top}px"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
        # Kind, number, title, unit and signer are above it; the record is folded, one tap away.
        head = browser.find_element(By.CSS_SELECTOR, ".document-head").text
        assert browser.find_element(By.CSS_SELECTOR, "h1").text in head
        record = browser.find_element(By.CSS_SELECTOR, "details.record")
        assert record.get_attribute("open") is None
        record.find_element(By.TAG_NAME, "summary").click()
        assert record.get_attribute("open") is not None
        assert record.find_element(By.CSS_SELECTOR, "dl").is_displayed()
    finally:
        on_desktop(browser)


def test_record_and_contents_open_on_a_wide_screen(site, browser):
    browser.get(url(site, AN_PHUOC))
    for fold in browser.find_elements(By.CSS_SELECTOR, "details[data-open-wide]"):
        assert fold.get_attribute("open") is not None
    assert browser.find_element(By.CSS_SELECTOR, "#can-cu").is_displayed()


def test_contents_lead_to_each_section_and_back_to_top_floats(site, browser):
    on_phone(browser)
    try:
        browser.get(url(site, AN_PHUOC))
        back = browser.find_element(By.CSS_SELECTOR, ".back-to-top")
        assert "floating" not in back.get_attribute("class")
        toc = browser.find_element(By.CSS_SELECTOR, "nav.toc details")
        toc.find_element(By.TAG_NAME, "summary").click()
        entries = toc.find_elements(By.CSS_SELECTOR, "li a")
        headings = browser.find_elements(By.CSS_SELECTOR, ":is(.document-body, .appendix) :is(h2, h3)[id^=muc-]")
        # Each of the document's sections (its "I.", "II." … and the appendix's title) is listed.
        assert [a.text for a in entries][:2] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
        assert len(headings) >= 5 and {h.text for h in headings} <= {a.text for a in entries}
        target = entries[-1].get_attribute("href").split("#")[1]
        entries[-1].click()
        heading = browser.find_element(By.ID, target)
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", heading)
        assert 0 <= top < 100, top  # the heading at the top, a little room above it
        assert "floating" in back.get_attribute("class")
        assert back.is_displayed()
        back.find_element(By.TAG_NAME, "a").click()
        assert browser.execute_script("return window.scrollY") < 300
    finally:
        on_desktop(browser)


def test_the_an_phuoc_plan_prints_as_nghi_dinh_30_lays_it_out(site):
    folder = tempfile.mkdtemp(prefix="congkhai-print-")
    try:
        pdf = os.path.join(folder, "ke-hoach.pdf")
        subprocess.run([shutil.which("chromium") or "/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--user-data-dir={folder}/profile", f"--print-to-pdf={pdf}",
                        url(site, AN_PHUOC)], check=True, capture_output=True, timeout=120)
        # -layout keeps the page's lines top to bottom: the signer's title sits above "Nơi nhận".
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
        pages = text.split("\f")
        flat = re.sub(r"\s+", " ", text)

        def at(words):
            position = flat.find(words)
            assert position >= 0, f"“{words}” is not printed"
            return position

        order = ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG TIỂU HỌC AN PHƯỚC", "Số: /KH-THAP", "ngày ….. tháng", "KẾ HOẠCH",
                 "Thực hiện công tác Dân vận chính quyền năm 2024", "Căn cứ Quyết định số 311-QĐ/TU",
                 "nhằm đạt kết quả tốt nhất./.", "HIỆU TRƯỞNG", "Nơi nhận:", "Đoàn Văn Thanh Mộng",
                 "DANH MỤC VĂN BẢN THỰC HIỆN CÔNG TÁC DÂN VẬN", "10/ Kế hoạch số 135/KH-UBND"]
        positions = [at(words) for words in order]
        assert positions == sorted(positions), list(zip(order, positions))
        # Nothing of the screen's furniture is printed: no menu, record or contents.
        for absent in ("Thuộc tính văn bản", "Mục lục", "Lên đầu trang", "Tìm kiếm"):
            assert absent not in flat
        # Page numbers at the top from page 2; the appendix on a page of its own.
        assert len(pages) >= 3
        assert not re.match(r"\s*1\s*$", pages[0].splitlines()[0])
        for number, page in enumerate(pages[1:], start=2):
            if page.strip():
                assert page.strip().splitlines()[0].strip() == str(number), page[:200]
        appendix_page = next(i for i, page in enumerate(pages) if "DANH MỤC VĂN BẢN" in page)
        assert "Đoàn Văn Thanh Mộng" not in pages[appendix_page]
        lines = [line.strip() for line in pages[appendix_page].splitlines() if line.strip()]
        assert lines[0] == str(appendix_page + 1) and lines[1].startswith("DANH MỤC VĂN BẢN"), lines[:2]
        # Lists print with "-" as the paper does, never "•".
        assert "•" not in text and re.search(r"^\s*-\s+Thực hiện", text, re.M)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("missing", ["khong-co.html", "don-vi/th-an-phuoc/2023-2024/khong-co/", "cong-khai/danh-muc/x/y/z/index.html"])
def test_the_404_page_keeps_its_style_and_links_at_any_depth(site, browser, missing):
    """Served by a server for a missing address, under a sub-path whose name is also one of the
    portal's folders (/truong/cong-khai/), without base_url."""
    import http.server, threading, functools
    parent = tempfile.mkdtemp(prefix="congkhai-404-")
    served = os.path.join(parent, "truong", "cong-khai")
    shutil.copytree(site, served)
    not_found = open(os.path.join(served, "404.html"), "rb").read()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(not_found)))
            self.end_headers()
            self.wfile.write(not_found)

        def log_message(self, *args):
            pass

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=parent)) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/truong/cong-khai/"
            browser.get(base + missing)
            assert browser.find_element(By.TAG_NAME, "h1").text == "Không tìm thấy trang"
            # Styled: the inline stylesheet colours the site's header.
            header = browser.find_element(By.CSS_SELECTOR, ".site-header")
            assert header.value_of_css_property("background-color") == "rgba(11, 79, 138, 1)"
            WebDriverWait(browser, 5).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("data-root"))
            assert browser.find_element(By.TAG_NAME, "html").get_attribute("data-root") == "/truong/cong-khai/"
            links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a, .site-nav a")]
            assert base + "index.html" in links and base + "tim-kiem/index.html" in links
            # Each leads to a page that is there.
            browser.find_element(By.LINK_TEXT, "danh sách văn bản công khai").click()
            assert browser.current_url == base + "cong-khai/index.html"
            assert browser.find_element(By.TAG_NAME, "h1").text != "Không tìm thấy trang"
        finally:
            server.shutdown()
            shutil.rmtree(parent, ignore_errors=True)


def test_the_directive_index_narrows_by_unit_and_level_and_names_the_citing_units(site, browser):
    from selenium.webdriver.support.ui import Select
    browser.get(url(site, "can-cu/index.html"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.directive-index tbody tr")
    assert len(rows) > 20
    # Each row names the units that cite it; 33/CT-TTg is cited by three of the five.
    row = next(r for r in rows if "33/CT-TTg" in r.text)
    assert row.find_elements(By.TAG_NAME, "td")[2].text.count("Trường") + row.find_elements(By.TAG_NAME, "td")[2].text.count("Phòng") == 3
    # A text cited without its subject shows the sentence that cites it.
    quoted = browser.find_elements(By.CSS_SELECTOR, "table.directive-index q")
    assert quoted and all(len(q.text) > 20 for q in quoted)
    form = browser.find_element(By.CSS_SELECTOR, ".directive-filters")
    assert form.is_displayed()
    Select(form.find_element(By.NAME, "don-vi")).select_by_visible_text("Trường Tiểu học An Phước")
    shown = [r for r in rows if r.is_displayed()]
    assert 0 < len(shown) < len(rows)
    assert all("Trường Tiểu học An Phước" in r.find_elements(By.TAG_NAME, "td")[2].text or "đơn vị khác" in r.text for r in shown)
    # The An Phước plan cites 10 texts in its list and 3 in its grounds: each is in the index.
    assert len(shown) >= 10 and "văn bản được trích dẫn theo bộ lọc" in form.text
    level = Select(form.find_element(By.NAME, "cap"))
    level.select_by_index(1)
    chosen = level.first_selected_option.get_attribute("value")
    for section in browser.find_elements(By.CSS_SELECTOR, "section[data-level]"):
        if section.get_attribute("data-level") != chosen:
            assert not section.is_displayed()
    Select(form.find_element(By.NAME, "don-vi")).select_by_index(0)
    level.select_by_index(0)
    assert all(r.is_displayed() for r in rows)


@pytest.mark.parametrize("width", [360, 1280])
def test_an_appendix_table_scrolls_as_a_body_table_does(demo, browser, width):
    """The demo staff report's appendix: a 7-column table after the signature, in its own
    scrolling region, its figures whole."""
    browser.set_window_size(width, 900)
    try:
        browser.get(url(demo, "don-vi/th-mau/2025-2026/doi-ngu-can-bo/index.html"))
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        signature = browser.find_element(By.CSS_SELECTOR, ".document-signature")
        region = browser.find_element(By.CSS_SELECTOR, ".appendix .table-scroll")
        assert region.location["y"] > signature.location["y"]
        assert len(region.find_elements(By.CSS_SELECTOR, "thead th")) == 7
        if width == 360:
            assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", region)
        lines = figure_lines(browser, region)
        assert len(lines) >= 20 and all(count == 1 for _, count in lines), lines
    finally:
        browser.set_window_size(1280, 900)
