"""The desk as a district runs it for its schools: `congkhai serve --host 127.0.0.2` with a users
file and a test certificate (https, made here by openssl), reached by its name congkhai.test.
A school's account cannot read the desk of, or write into, another school's folder (by form, by
crafted request, by file name); an office's account reaches the units below it; a wrong Host or
Origin is refused; five wrong passwords slow the next tries; the log records who saved what; a
clerk signs in and publishes in Chromium, the pages passing axe, the Nu checker and 360 px."""
import http.client, json, os, re, shutil, ssl, subprocess, time, urllib.parse
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_portal import ROOT, chromium
from test_serve import free_port, passes_axe_nu_and_a_phone, shows
from test_desk import SEEDS, seed_units_portal

HOST = "127.0.0.2"
NAME = "congkhai.test"
BINARY = os.path.join(ROOT, ".build", "debug", "congkhai")
ACCOUNTS = {
    "lan": ("th-an-phuoc", "mat-khau-an-phuoc"),
    "an": ("thpt-toan-thang", "mat-khau-toan-thang"),
    "phong": ("phong-gddt-binh-son", "mat-khau-binh-son"),
}
# A document of the THPT school, there before anyone signs in.
OTHERS = "content/units/thpt-toan-thang/2023-2024/ke-hoach-cua-truong.md"


@pytest.fixture(scope="module")
def district():
    """The seeds' units (Tân Thành A1 below the district office), an account for a school, another
    school and the office, served over https on 127.0.0.2; the folder, port and TLS context."""
    folder = seed_units_portal("congkhai-district-", "Cổng công khai của huyện",
                               parents={"th-tan-thanh-a1": "phong-gddt-binh-son"})
    os.makedirs(os.path.dirname(os.path.join(folder, OTHERS)))
    with open(os.path.join(folder, OTHERS), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Kế hoạch của trường\nkind: ke-hoach\nnumber: 12/KH-THPTTT\nissued: 2023-10-02\n---\n\nNội dung.\n")
    for name, (unit, password) in ACCOUNTS.items():
        added = subprocess.run([BINARY, "user", "add", name, "--unit", unit, "--source", folder],
                               input=password + "\n", capture_output=True, text=True)
        assert added.returncode == 0, added.stderr
    cert, key = os.path.join(folder, "chung-chi.pem"), os.path.join(folder, "khoa.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "2", "-subj", f"/CN={NAME}",
                    "-addext", f"subjectAltName=DNS:{NAME},IP:{HOST}"], check=True, capture_output=True)
    context = ssl.create_default_context(cafile=cert)
    port = free_port()
    log = open(os.path.join(folder, "serve.log"), "w+", encoding="utf-8")
    server = subprocess.Popen([BINARY, "serve", "--source", folder, "--host", HOST, "--port", str(port),
                               "--tls-cert", cert, "--tls-key", key, "--server-name", NAME],
                              stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while True:
        assert server.poll() is None, open(log.name, encoding="utf-8").read()
        try:
            if Visitor(port, context).get("/")[0] == 302:
                break
        except OSError:
            pass
        assert time.time() < deadline, "the desk never came up"
        time.sleep(0.2)
    yield folder, port, context
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)


class Visitor:
    """A browser's requests over https, its cookies kept: what a crafted request can send."""

    def __init__(self, port, context):
        self.port, self.context, self.cookies = port, context, {}

    def request(self, method, path, body=None, headers=None, host=None):
        connection = http.client.HTTPSConnection(HOST, self.port, context=self.context, timeout=180)
        sent = {"Host": host or f"{NAME}:{self.port}"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, value = cookie.split(";")[0].split("=", 1)
            if "Max-Age=0" in cookie:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        connection.close()
        return response.status, response.headers, text

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, fields, origin=True, **kwargs):
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if origin:
            headers["Origin"] = f"https://{NAME}:{self.port}"
        headers.update(kwargs.pop("headers", {}))
        return self.request("POST", path, body=urllib.parse.urlencode(fields, doseq=True), headers=headers, **kwargs)

    def upload(self, unit, name, data, token, origin=None):
        """The desk's first form, multipart as a browser sends it."""
        boundary = "----congkhai-test"
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'.encode(),
                 f'--{boundary}\r\nContent-Disposition: form-data; name="unit"\r\n\r\n{unit}\r\n'.encode(),
                 f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f'Content-Type: text/plain\r\n\r\n'.encode() + data + b"\r\n",
                 f"--{boundary}--\r\n".encode()]
        return self.request("POST", "/_soan-thao/nhap", body=b"".join(parts), headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Origin": origin or f"https://{NAME}:{self.port}"})

    def sign_in(self, name, password):
        token = csrf(self.get("/_soan-thao/dang-nhap")[2])
        return self.post("/_soan-thao/dang-nhap", {"csrf": token, "ten": name, "mat_khau": password})


def csrf(page):
    return re.search(r'name="csrf" value="([^"]*)"', page).group(1)


def fields(form):
    """The inputs and textareas of a form, as a browser sends them."""
    found = {name: value for name, value in re.findall(r'<input type="(?:hidden|text)"(?: id="[^"]*")? name="([^"]*)" value="([^"]*)"', form)}
    found.update({name: value for name, value in re.findall(r'<textarea id="[^"]*" name="([^"]*)" rows="\d+">([^<]*)</textarea>', form)})
    kind = re.search(r'<select id="kind" name="kind">.*?<option value="([^"]*)" selected>', form, re.S)
    if kind:
        found["kind"] = kind.group(1)
    return {k: v.replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            for k, v in found.items()}


def signed_in(district, name):
    _, port, context = district
    visitor = Visitor(port, context)
    status, headers, _ = visitor.sign_in(name, ACCOUNTS[name][1])
    assert status == 303, status
    cookie = [c for c in headers.get_all("Set-Cookie") if c.startswith("congkhai_phien=")][0]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    return visitor


def tree(folder):
    return sorted(os.path.join(path, name) for path, _, names in os.walk(folder) for name in names)


def test_nothing_is_shown_before_signing_in(district):
    _, port, context = district
    anonymous = Visitor(port, context)
    status, headers, _ = anonymous.get("/")
    assert status == 302 and headers["Location"] == "/_soan-thao/dang-nhap?tiep=/"
    assert anonymous.get("/_soan-thao/van-ban?don-vi=th-an-phuoc")[0] == 302
    assert anonymous.get("/_congkhai/su-kien")[0] == 401


def test_a_school_cannot_read_or_write_another_schools_folder(district):
    folder, _, _ = district
    lan = signed_in(district, "lan")
    status, _, home = lan.get("/_soan-thao/")
    assert status == 200
    assert re.findall(r'<select id="unit" name="unit" required><option value="">[^<]*</option>(.*?)</select>', home)[0].count("<option") == 1
    token = csrf(home)
    others = os.path.join(folder, "content", "units", "thpt-toan-thang")
    before = {path: open(path, "rb").read() for path in tree(others)}
    # Read another school's desk: by its list, by one of its documents.
    assert lan.get("/_soan-thao/van-ban?don-vi=thpt-toan-thang")[0] == 403
    assert lan.get("/_soan-thao/sua?tep=" + OTHERS)[0] == 403
    # Write into its folder: by the form's unit, by a crafted edit, by a file name.
    seed = open(os.path.join(SEEDS, "000_225770425047c8d6.txt"), "rb").read()
    assert lan.upload("thpt-toan-thang", "ke-hoach.txt", seed, token)[0] == 403
    status, _, form = lan.upload("th-an-phuoc", "../../thpt-toan-thang/2023-2024/ke-hoach.txt", seed, token)
    assert status == 200
    sent = fields(form)
    assert lan.post("/_soan-thao/luu", {**sent, "unit": "thpt-toan-thang"})[0] == 403
    assert lan.post("/_soan-thao/sua", {**sent, "tep": OTHERS, "title": "Đã đổi"})[0] == 403
    status, headers, _ = lan.post("/_soan-thao/luu", sent)
    assert status == 303 and headers["Location"].startswith("/don-vi/th-an-phuoc/2022-2023/")
    assert {path: open(path, "rb").read() for path in tree(others)} == before
    # The log records the save: who, which file, the front matter before and after.
    entries = [json.loads(line) for line in open(os.path.join(folder, ".congkhai-serve", "nhat-ky.jsonl"), encoding="utf-8")]
    mine = [entry for entry in entries if entry.get("who") == "lan"]
    assert mine and mine[-1]["file"].startswith("content/units/th-an-phuoc/2022-2023/")
    assert "title:" in mine[-1]["after"] and mine[-1]["action"] == "luu"
    assert all(entry["file"].startswith("content/units/th-an-phuoc/") for entry in mine)


def test_an_office_reaches_the_units_below_it_and_no_other(district):
    phong = signed_in(district, "phong")
    assert phong.get("/_soan-thao/van-ban?don-vi=th-tan-thanh-a1")[0] == 200
    assert phong.get("/_soan-thao/van-ban?don-vi=phong-gddt-binh-son")[0] == 200
    assert phong.get("/_soan-thao/van-ban?don-vi=th-an-phuoc")[0] == 403


def test_a_wrong_host_or_origin_is_refused(district):
    lan = signed_in(district, "lan")
    token = csrf(lan.get("/_soan-thao/")[2])
    assert lan.get("/_soan-thao/", host=f"evil.example:{lan.port}")[0] == 421
    seed = open(os.path.join(SEEDS, "003_ea1c57bf483b1fef.txt"), "rb").read()
    assert lan.upload("th-an-phuoc", "a.txt", seed, token, origin="https://evil.example")[0] == 403
    # The same name over http is another origin.
    assert lan.upload("th-an-phuoc", "a.txt", seed, token, origin=f"http://{NAME}:{lan.port}")[0] == 403
    assert lan.upload("th-an-phuoc", "a.txt", seed, token)[0] == 200


def test_five_wrong_passwords_slow_the_next_tries(district):
    _, port, context = district
    guesser = Visitor(port, context)
    for _ in range(5):
        assert guesser.sign_in("an", "doan-mo")[0] == 401
    status, headers, page = guesser.sign_in("an", ACCOUNTS["an"][1])
    assert status == 429 and int(headers["Retry-After"]) > 0 and "Hãy chờ" in page


@pytest.fixture(scope="module")
def clerk_browser():
    """Chromium reaching congkhai.test at 127.0.0.2, the test certificate taken."""
    driver = chromium(f"--host-resolver-rules=MAP {NAME} {HOST}", "--ignore-certificate-errors")
    yield driver
    driver.quit()


def test_a_clerk_signs_in_and_publishes_her_schools_document(district, clerk_browser):
    _, port, context = district
    browser = clerk_browser
    root = f"https://{NAME}:{port}/"
    browser.get(root + "_soan-thao/")
    shows(browser, "h1", "Đăng nhập")
    passes_axe_nu_and_a_phone(browser, Visitor(port, context).get("/_soan-thao/dang-nhap")[2])
    browser.find_element(By.ID, "ten").send_keys("lan")
    browser.find_element(By.ID, "mat-khau").send_keys(ACCOUNTS["lan"][1])
    browser.find_element(By.CSS_SELECTOR, "form[action$='dang-nhap'] button").click()
    shows(browser, "h1", "Bàn soạn thảo")
    assert "lan" in browser.find_element(By.TAG_NAME, "header").text
    options = [o.get_attribute("value") for o in Select(browser.find_element(By.ID, "unit")).options]
    assert options == ["", "th-an-phuoc"]
    browser.find_element(By.ID, "file").send_keys(os.path.join(SEEDS, "002_e0677abd00ed0152.txt"))
    browser.find_element(By.CSS_SELECTOR, "form[action$='nhap'] button").click()
    shows(browser, "h1", "Kiểm tra văn bản")
    browser.find_element(By.CSS_SELECTOR, "form[action$='luu'] button").click()
    WebDriverWait(browser, 60).until(lambda b: "/don-vi/th-an-phuoc/" in b.current_url)
    # The desk's page, signed in, as a phone shows it.
    browser.get(root + "_soan-thao/")
    shows(browser, "main", "lưu mới, lan")
    lan = Visitor(port, context)
    lan.cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    passes_axe_nu_and_a_phone(browser, lan.get("/_soan-thao/")[2])
    browser.find_element(By.CSS_SELECTOR, "header button").click()
    shows(browser, "h1", "Đăng nhập")
    browser.get(root)
    shows(browser, "h1", "Đăng nhập")
