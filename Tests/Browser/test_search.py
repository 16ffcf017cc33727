"""Search as parents, clerks and inspectors use it (Debian's chromium, from the folder): the
ranking for the queries that went wrong before, the TT 09 section a query names offered first,
results that say what each document is, and a listing by filters alone."""
import os, re, shutil, subprocess, tempfile
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_portal import ROOT, browser, site, url, write_file  # noqa: F401 (fixtures)
from test_compliance import BIN, demo  # noqa: F401 (the demo portal fixture)


def results(browser, folder, parameters):
    browser.get(url(folder, "tim-kiem/index.html?" + parameters))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "trang-thai").text.strip() not in ("", "Đang tìm…"))
    return [{"title": item.find_element(By.CSS_SELECTOR, "a").text,
             "href": item.find_element(By.CSS_SELECTOR, "a").get_attribute("href"),
             "meta": item.find_element(By.CSS_SELECTOR, ".meta").text,
             "excerpt": " ".join(p.text for p in item.find_elements(By.CSS_SELECTOR, ".excerpt"))}
            for item in browser.find_elements(By.CSS_SELECTOR, "#ket-qua li")]


def is_directive(result):
    return "/can-cu/" in result["href"]


def test_a_units_own_plans_rank_above_the_texts_they_cite(site, browser):
    found = results(browser, site, "q=ke+hoach+dan+van")
    documents = [r for r in found if not is_directive(r)]
    assert len(documents) == 5 and any(is_directive(r) for r in found)
    # Every school's and office's own document before any directive's page…
    assert found[:len(documents)] == documents
    # …its four plans first, the report after them.
    assert [r["meta"].split(" · ")[0] for r in documents] == ["Kế hoạch"] * 4 + ["Báo cáo"]


def test_a_symbol_still_names_its_directive_first(site, browser):
    found = results(browser, site, "q=33%2FCT-TTg")
    assert found[0]["title"].startswith("Chỉ thị số 33/CT-TTg") and is_directive(found[0])
    assert "3 văn bản trích dẫn" in found[0]["meta"]


def test_a_directive_named_in_words_and_number_comes_first(site, browser):
    for query, title in (("chi+thi+33", "Chỉ thị số 33/CT-TTg"), ("nghi+quyet+25", "Nghị quyết số 25-NQ/TW")):
        found = results(browser, site, "q=" + query)
        assert found[0]["title"].startswith(title) and is_directive(found[0]), [r["title"] for r in found]


@pytest.mark.parametrize("query", ["ke hoach", "giao duc", "nam hoc", "bao cao"])
def test_common_words_offer_no_section(demo, browser, query):
    """Words found in several sections, or a kind's name, name no section."""
    results(browser, demo, "q=" + query.replace(" ", "+"))
    assert not browser.find_element(By.ID, "muc-goi-y").is_displayed()


def test_the_cited_texts_filter_alone_lists_them(site, browser):
    found = results(browser, site, "loai=can-cu")
    assert len(found) == 20 and all(is_directive(r) for r in found)
    status = browser.find_element(By.ID, "trang-thai").text
    assert status.startswith("31 văn bản theo bộ lọc") and "20 kết quả đầu" in status


def test_a_result_says_what_the_document_is(site, browser):
    found = results(browser, site, "q=dan+van+kheo")
    first = found[0]
    assert first["title"] == "Thực hiện “Năm dân vận khéo” 2020"
    assert first["meta"] == "Kế hoạch · 08/KH-CĐGD · 23/03/2020 · Công đoàn Giáo dục Hà Nội"
    # The excerpt is the document's opening, not its grounds ("Căn cứ …") nor its whole body.
    assert first["excerpt"] and not first["excerpt"].startswith("Căn cứ") and len(first["excerpt"]) <= 181
    body = open(os.path.join(ROOT, "content/units/cong-doan-giao-duc-ha-noi/2019-2020/ke-hoach-nam-dan-van-kheo-2020.md"),
                encoding="utf-8").read()
    assert re.sub(r"[*_]", "", first["excerpt"]).rstrip("…")[:60] in re.sub(r"\s+", " ", re.sub(r"[*_]", "", body))


@pytest.mark.parametrize("query", ["thu chi", "hoc phi"])
def test_a_tt09_section_is_offered_first_and_said_empty(site, browser, query):
    results(browser, site, "q=" + query.replace(" ", "+"))
    box = browser.find_element(By.ID, "muc-goi-y")
    assert box.is_displayed()
    assert "Thu, chi tài chính: chưa có văn bản." in box.text
    # Above the results.
    listing = browser.find_element(By.ID, "ket-qua")
    assert box.location["y"] < listing.location["y"]
    assert not box.find_elements(By.TAG_NAME, "a")


def test_a_section_with_documents_links_to_its_listing(demo, browser):
    found = results(browser, demo, "q=hoc+phi")
    link = browser.find_element(By.CSS_SELECTOR, "#muc-goi-y a")
    assert link.text == "Thu, chi tài chính" and "(3 văn bản)" in browser.find_element(By.ID, "muc-goi-y").text
    assert found[0]["title"].startswith("Thông báo") and "mức thu" in found[0]["title"]
    link.click()
    listed = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "table.documents td.title a")]
    assert len(listed) == 3 and any(title.endswith("Công khai tình hình thu, chi tài chính năm 2025") for title in listed)
    # A query of other words offers no section; "tuyen sinh" offers the plans' section.
    results(browser, demo, "q=dan+van")
    assert not browser.find_element(By.ID, "muc-goi-y").is_displayed()
    results(browser, demo, "q=tuyen+sinh")
    assert browser.find_element(By.CSS_SELECTOR, "#muc-goi-y a").text == "Kế hoạch hoạt động giáo dục"


def test_filters_alone_list_documents_newest_first(demo, browser):
    found = results(browser, demo, "loai=1")  # the catalogue's second kind: Báo cáo
    assert "theo bộ lọc" in browser.find_element(By.ID, "trang-thai").text
    assert len(found) >= 3 and all(r["meta"].startswith("Báo cáo · ") for r in found)
    dates = [tuple(reversed(r["meta"].split(" · ")[2].split("/"))) for r in found]
    assert dates == sorted(dates, reverse=True)


@pytest.fixture(scope="module")
def signers():
    """Two documents: one a teacher signed, one that names him three times in its body."""
    folder = tempfile.mkdtemp(prefix="congkhai-signer-")
    source = os.path.join(folder, "portal")

    def write(path, text):
        write_file(source, path, text)

    write("congkhai.yaml", "title: Cổng thử\n")
    write("content/units/th-a/unit.yaml", "name: Trường Tiểu học A\nkind: tieu-hoc\n")
    write("content/units/th-a/2024-2025/ke-hoach-hoi-khoe.md",
          "---\ntitle: Tổ chức Hội khỏe Phù Đổng cấp trường\nkind: ke-hoach\nnumber: 5/KH-THA\nissued: 2024-10-01\n"
          "signer: Lê Văn Bình\nsigner_title: PHÓ HIỆU TRƯỞNG\n---\n\nNhà trường tổ chức hội khỏe cho học sinh.\n")
    write("content/units/th-a/2024-2025/bao-cao-the-thao.md",
          "---\ntitle: Kết quả phong trào thể dục thể thao\nkind: bao-cao\nnumber: 9/BC-THA\nissued: 2025-05-01\n"
          "signer: Nguyễn Thị Hoa\nsigner_title: HIỆU TRƯỞNG\n---\n\nThầy Lê Văn Bình phụ trách đội tuyển. Thầy Lê Văn Bình "
          "dẫn đội thi cấp huyện. Nhà trường khen thưởng thầy Lê Văn Bình.\n")
    output = os.path.join(folder, "public")
    subprocess.run([BIN, "build", "--source", source, "--output", output], check=True, capture_output=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


def test_a_name_ranks_what_its_bearer_signed_first(signers, browser):
    found = results(browser, signers, "q=le+van+binh")
    assert [r["title"] for r in found] == ["Tổ chức Hội khỏe Phù Đổng cấp trường", "Kết quả phong trào thể dục thể thao"]
