"""A province's portal as `make bench` and `make rebuild-check` build it: documents of the
seeds' length and citation density, hundreds of schools in dozens of districts, each citing its
own district's and province's texts (issue 23).

Each document is made of the seeds' own blocks (headings, paragraphs, lists, in a seed's order),
its places changed to its unit's, up to a length drawn from the seeds' lengths; it opens with a
"Căn cứ" block citing texts of its district, its province and the state, numbered per district
and province so that local texts differ by district and are shared by its schools. Deterministic:
the same count gives the same portal.
"""
import os, random, re, shutil, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(os.path.dirname(ROOT), "shared", "seeds")

# 10 provinces of 5 districts each (real names).
PROVINCES = {
    "Đồng Tháp": ["Tân Hồng", "Hồng Ngự", "Tam Nông", "Thanh Bình", "Cao Lãnh"],
    "Quảng Ngãi": ["Bình Sơn", "Sơn Tịnh", "Tư Nghĩa", "Nghĩa Hành", "Mộ Đức"],
    "Hải Phòng": ["Tiên Lãng", "Vĩnh Bảo", "An Lão", "Kiến Thụy", "Thủy Nguyên"],
    "Nghệ An": ["Yên Thành", "Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Đô Lương"],
    "Thanh Hóa": ["Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Thọ Xuân", "Triệu Sơn"],
    "An Giang": ["Phú Tân", "Chợ Mới", "Thoại Sơn", "Tri Tôn", "Châu Phú"],
    "Bình Định": ["Hoài Nhơn", "Phù Mỹ", "Phù Cát", "Tây Sơn", "Tuy Phước"],
    "Hà Tĩnh": ["Can Lộc", "Đức Thọ", "Hương Sơn", "Kỳ Anh", "Thạch Hà"],
    "Lâm Đồng": ["Bảo Lâm", "Di Linh", "Đức Trọng", "Lâm Hà", "Đơn Dương"],
    "Bắc Giang": ["Tân Yên", "Lạng Giang", "Yên Dũng", "Hiệp Hòa", "Lục Nam"],
}
# The places the seeds print, changed to the unit's.
SEED_DISTRICTS = ["Tân Hồng", "Bình Sơn"]
SEED_PROVINCES = ["Đồng Tháp", "Quảng Ngãi"]
KINDS = [("ke-hoach", "KH"), ("bao-cao", "BC"), ("quyet-dinh", "QĐ"), ("thong-bao", "TB"), ("huong-dan", "HD"), ("to-trinh", "TTr")]
UNIT_KINDS = [("tieu-hoc", "Trường Tiểu học"), ("thcs", "Trường THCS"), ("mam-non", "Trường Mầm non"), ("thpt", "Trường THPT")]
CATEGORIES = ["thong-tin-chung", "tai-chinh", "doi-ngu", "co-so-vat-chat", "kiem-dinh", "ke-hoach-giao-duc", "ket-qua-giao-duc",
              "bao-cao-thuong-nien", "van-ban-don-vi"]
YEARS = ["2019-2020", "2020-2021", "2021-2022", "2022-2023", "2023-2024", "2024-2025"]
# Texts of the state every school cites, as schools print them.
NATIONAL = [
    "Luật Giáo dục số 43/2019/QH14 ngày 14/6/2019 của Quốc hội",
    "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
    "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường công tác dân vận",
    "Thông tư số 09/2024/TT-BGDĐT ngày 03/6/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về công khai",
    "Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Điều lệ trường tiểu học",
    "Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Điều lệ trường THCS",
    "Thông tư số 27/2020/TT-BGDĐT ngày 04/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định đánh giá học sinh tiểu học",
    "Quyết định số 2222/QĐ-BGDĐT ngày 04/8/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành kế hoạch thời gian năm học",
    "Công văn số 3898/BGDĐT-GDTH ngày 30/7/2024 của Bộ Giáo dục và Đào tạo hướng dẫn nhiệm vụ năm học",
    "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương về đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "Nghị định số 24/2021/NĐ-CP ngày 23/3/2021 của Chính phủ quy định việc quản lý trong cơ sở giáo dục mầm non và cơ sở giáo dục phổ thông công lập",
]
# What the texts of a province and of a district are, as "Căn cứ" prints them.
PROVINCIAL = [("Kế hoạch", "KH-UBND", "Ủy ban nhân dân tỉnh {p}", "về thực hiện nhiệm vụ năm học"),
              ("Quyết định", "QĐ-UBND", "Ủy ban nhân dân tỉnh {p}", "ban hành kế hoạch thời gian năm học"),
              ("Công văn", "SGDĐT-GDTH", "Sở Giáo dục và Đào tạo tỉnh {p}", "về hướng dẫn nhiệm vụ giáo dục tiểu học"),
              ("Hướng dẫn", "HD-SGDĐT", "Sở Giáo dục và Đào tạo tỉnh {p}", "thực hiện công tác công khai"),
              ("Nghị quyết", "NQ-HĐND", "Hội đồng nhân dân tỉnh {p}", "quy định mức thu học phí")]
DISTRICT = [("Kế hoạch", "KH-UBND", "Ủy ban nhân dân huyện {d}", "về công tác năm học"),
            ("Công văn", "PGDĐT-GDTH", "Phòng Giáo dục và Đào tạo huyện {d}", "về việc triển khai nhiệm vụ"),
            ("Kế hoạch", "KH-PGDĐT", "Phòng Giáo dục và Đào tạo huyện {d}", "kiểm tra nội bộ trường học"),
            ("Quyết định", "QĐ-UBND", "Ủy ban nhân dân huyện {d}", "về việc giao chỉ tiêu")]


def seed_blocks():
    """Each seed's body as its blocks (paragraphs, headings, lists), in order: without the
    header above the first "Căn cứ" (or the first long paragraph) and the signature below
    "Nơi nhận"."""
    seeds = []
    for name in sorted(os.listdir(SEEDS)):
        text = open(os.path.join(SEEDS, name), encoding="utf-8").read().replace("\r\n", "\n")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        start = next((i for i, b in enumerate(blocks) if b.startswith("Căn cứ") or len(b) > 200), 0)
        end = next((i for i, b in enumerate(blocks) if "Nơi nhận" in b or "Noi nhận" in b), len(blocks))
        seeds.append([b for b in blocks[start:end] if not b.startswith("Số:")])
    return seeds


def local_text(rng_key, kinds, place, count, year):
    """The n-th text of a place, the same wherever it is cited: its number, date and subject."""
    texts = []
    for n in range(count):
        h = zlib.crc32(f"{rng_key}-{n}".encode())
        kind, code, issuer, subject = kinds[n % len(kinds)]
        number = 1 + h % 2400
        day, month = 1 + (h >> 12) % 28, 1 + (h >> 20) % 12
        texts.append(f"{kind} số {number}/{code} ngày {day}/{month}/{year + (n % 3)} của {issuer.format(p=place, d=place)} {subject} {year}-{year + 1}")
    return texts


def body_for(rng, seeds, province, district, year):
    """A document's body: its "Căn cứ" block, then seed blocks up to a seed's length."""
    first = int(year[:4])
    provincial = local_text(f"p-{province}", PROVINCIAL, province, 60, first - 1)
    local = local_text(f"d-{district}", DISTRICT, district, 40, first - 1)
    bases = rng.sample(NATIONAL, rng.randint(1, 2)) + rng.sample(provincial, rng.randint(1, 3)) + rng.sample(local, rng.randint(1, 3))
    parts = [f"Căn cứ {text};" for text in bases]
    seed = rng.randrange(len(seeds))
    target = int(len("\n\n".join(seeds[seed]).encode()) * rng.uniform(0.8, 1.2))
    size = sum(len(p.encode()) for p in parts)
    while size < target:
        for block in seeds[seed]:
            if block.startswith("Căn cứ") and parts:
                continue
            for old in SEED_DISTRICTS:
                block = block.replace(old, district)
            for old in SEED_PROVINCES:
                block = block.replace(old, province)
            parts.append(block)
            size += len(block.encode()) + 2
            if size >= target:
                break
        seed = rng.randrange(len(seeds))
    return "\n\n".join(parts) + "\n"


def generate(folder, count):
    """Writes a portal of `count` documents into `folder`; returns their bodies and the units
    as (id, province, district)."""
    rng = random.Random(20261206 + count)
    seeds = seed_blocks()
    districts = [(province, district) for province, names in PROVINCES.items() for district in names]
    unit_count = 500 if count >= 5000 else max(5, count // 20)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(os.path.join(folder, "congkhai.yaml"), "w") as f:
        f.write("title: Cổng công khai thử nghiệm\nbase_url: https://congkhai.example.vn\n")
    units = []
    for u in range(unit_count):
        province, district = districts[u % len(districts)]
        uid = f"truong-{u:04d}"
        kind, prefix = UNIT_KINDS[u % len(UNIT_KINDS)]
        units.append((uid, province, district))
        os.makedirs(os.path.join(folder, "content", "units", uid))
        with open(os.path.join(folder, "content", "units", uid, "unit.yaml"), "w") as f:
            f.write(f"name: {prefix} số {u // len(districts) + 1} {district}\nkind: {kind}\ndistrict: {district}\nprovince: {province}\n")
    bodies = []
    for i in range(count):
        uid, province, district = units[i % unit_count]
        year = YEARS[(i // unit_count) % len(YEARS)]
        kind, code = KINDS[rng.randrange(len(KINDS))]
        first = int(year[:4])
        month = rng.choice([9, 10, 11, 12, 1, 2, 3, 4, 5])
        issued = f"{first if month >= 9 else first + 1}-{month:02d}-{rng.randint(1, 28):02d}"
        body = body_for(rng, seeds, province, district, year)
        if i % 5 == 0:
            rows = ["| Nội dung | Thời gian | Người thực hiện |", "|---|---|---|"]
            rows += [f"| Công việc {m} của kế hoạch | Tháng {m} | Ban giám hiệu |" for m in range(1, rng.randint(3, 8))]
            body += "\n" + "\n".join(rows) + "\n"
        bodies.append(body)
        title = f"Kế hoạch thực hiện nhiệm vụ năm học {year} (số {i})" if kind == "ke-hoach" else f"Văn bản số {i} về công tác năm học {year}"
        folder_path = os.path.join(folder, "content", "units", uid, year)
        os.makedirs(folder_path, exist_ok=True)
        categories = rng.sample(CATEGORIES, rng.randint(1, 2))
        with open(os.path.join(folder_path, f"van-ban-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: \"{title}\"\nkind: {kind}\nnumber: {i + 1}/{code}-T{i % unit_count}\nissued: {issued}\n"
                    f"signer: Nguyễn Văn {chr(65 + i % 26)}\nsigner_title: HIỆU TRƯỞNG\nrecipients: [\"Phòng GDĐT (b/c);\", \"Lưu: VT.\"]\n"
                    f"categories: [{', '.join(categories)}]\n---\n\n{body}")
    return bodies, units
