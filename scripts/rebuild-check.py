#!/usr/bin/env python3
"""make rebuild-check: random edits to a generated portal, each followed by an incremental
rebuild that must equal a `--full` build of the same sources, byte for byte.

The unit tests check chosen edits on the example portal; this walks many more, mixed: bodies,
citations added, removed and redated, front-matter fields, drafts, documents added, deleted and
moved between school years, attachments, units added, renamed and removed, free pages,
templates, settings, a file touched without a change, what a document discloses under TT 09
(item categories, `published`, `period`, `replaces`), the page a text came from (`source_url`),
unit.yaml's `not_applicable` and the
`obligations:` override in congkhai.yaml, and a broken front matter (that build
must fail, and the next one must still equal a full build). It keeps going after a difference
and prints every one.

Environment: CHECK_DOCUMENTS (default 600), CHECK_STEPS (default 80), CHECK_SEED (default 1;
the same seed makes the same portal and the same edits), CHECK_BIN (default the release build;
`make test` runs a short form on the debug build).
"""
import glob, importlib.util, os, random, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("CHECK_BIN") or os.path.join(ROOT, ".build", "release", "congkhai")
YEARS = ["2019-2020", "2020-2021", "2021-2022", "2022-2023", "2023-2024", "2024-2025", "2025-2026", "2026-2027"]
# TT 09 items of a tiểu học, and groups, as `categories:` names them.
ITEMS = ["thong-tin-co-so", "thu-chi-tai-chinh", "hoc-phi-khoan-thu", "doi-ngu-can-bo", "kiem-dinh-chat-luong",
         "ke-hoach-giao-duc-nam-hoc", "ket-qua-nam-hoc", "bao-cao-thuong-nien-nam", "thuc-don"]
# Directives the generated bodies cite and some they do not, with the spellings domain.md lists.
DIRECTIVES = [
    "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường công tác dân vận",
    "Kế hoạch số 22/KH-UBND ngày 7/3/2024 của Ủy ban nhân dân huyện Hồng Ngự về công tác năm học",
    "Thông tư số 09/2024/TT-BGDĐT ngày 03/6/2024 của Bộ Giáo dục và Đào tạo quy định công khai",
    "Nghị quyết số 01-NQ/TU ngày 5/1/2021 của Tỉnh ủy",
    "Quyết định số 1234/QĐ-UBND ngày 1/9/2023 của UBND tỉnh Đồng Tháp",
    "Chỉ thị 99/CT-BGDĐT ngày 2 tháng 2 năm 2022 của Bộ trưởng Bộ Giáo dục và Đào tạo về nhiệm vụ mới",
]


def load_generator():
    spec = importlib.util.spec_from_file_location("bench", os.path.join(ROOT, "scripts", "bench.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


class Portal:
    def __init__(self, folder, rng):
        self.folder, self.rng = folder, rng

    def documents(self):
        return sorted(glob.glob(os.path.join(self.folder, "content/units/*/*/*.md")))

    def units(self):
        return sorted(glob.glob(os.path.join(self.folder, "content/units/*/unit.yaml")))

    @staticmethod
    def read(path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    @staticmethod
    def write(path, text):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def set_field(self, path, key, value):
        """Replaces (or with None removes) a front-matter field."""
        head, separator, body = self.read(path).partition("\n---\n")
        lines = [line for line in head.split("\n") if not line.startswith(key + ":")]
        if value is not None:
            lines.insert(2, f"{key}: {value}")
        self.write(path, "\n".join(lines) + separator + body)

    # Each edit takes a document of the portal (some edit something else) and says what it did.

    def body(self, path):
        self.write(path, self.read(path) + f"\nBổ sung {self.rng.randint(0, 10**6)}: thực hiện nghiêm túc.\n")

    def cite(self, path):
        self.write(path, self.read(path) + f"\nCăn cứ {self.rng.choice(DIRECTIVES)};\n")

    def uncite(self, path):
        lines = self.read(path).split("\n")
        basis = [i for i, line in enumerate(lines) if line.startswith("Căn cứ")]
        if basis:
            del lines[self.rng.choice(basis)]
            self.write(path, "\n".join(lines))

    def redate(self, path):
        day = self.rng.randint(1, 28)
        self.write(path, re.sub(r"ngày (\d+)/(\d+)/(\d{4})", lambda m: f"ngày {day}/{m.group(2)}/{m.group(3)}", self.read(path), count=1))

    def title(self, path):
        self.set_field(path, "title", f'"Kế hoạch sửa đổi {self.rng.randint(0, 999)} về đổi mới"')

    def number(self, path):
        self.set_field(path, "number", self.rng.choice([None, f"{self.rng.randint(1, 999)}/KH-THAP", f"{self.rng.randint(1, 99)}/QĐ-T9"]))

    def issued(self, path):
        self.set_field(path, "issued", self.rng.choice([None, f"20{self.rng.randint(19, 25)}-0{self.rng.randint(1, 9)}-1{self.rng.randint(0, 9)}"]))

    def categories(self, path):
        self.set_field(path, "categories", self.rng.choice(
            ["[kiem-dinh]", "[thong-tin-chung, tai-chinh]", None, f"[{self.rng.choice(ITEMS)}]", f"[{self.rng.choice(ITEMS)}, tai-chinh]"]))

    def disclose(self, path):
        """Makes a document disclose a TT 09 item in a round, or changes when it was published."""
        self.set_field(path, "categories", f"[{self.rng.choice(ITEMS)}]")
        self.published(path)

    def published(self, path):
        self.set_field(path, "published", self.rng.choice([None, f"202{self.rng.randint(5, 7)}-0{self.rng.randint(1, 9)}-{self.rng.randint(10, 28)}"]))

    def period(self, path):
        self.set_field(path, "period", self.rng.choice([None, "2025-2026", "2026-2027", '"2025"', '"2026"']))

    def replaces(self, path):
        siblings = glob.glob(os.path.join(os.path.dirname(os.path.dirname(path)), "*/*.md"))
        numbers = [m.group(1) for m in (re.search(r"^number: (.*)$", self.read(other), re.M) for other in siblings) if m]
        self.set_field(path, "replaces", self.rng.choice([None] + numbers[:20]))

    def source_url(self, path):
        # The page the text was copied from (a web address, or a bad one the build leaves out).
        self.set_field(path, "source_url", self.rng.choice(
            [None, f"https://truong{self.rng.randint(1, 9)}.edu.vn/van-ban/{self.rng.randint(1, 99)}.html", "javascript:alert(1)"]))

    def not_applicable(self, _):
        path = self.rng.choice(self.units())
        text = re.sub(r"\nnot_applicable:\n(  .*\n)*", "\n", self.read(path)).rstrip("\n") + "\n"
        if self.rng.random() < 0.6:
            text += f"not_applicable:\n  {self.rng.choice(ITEMS)}: Không tổ chức.\n"
        self.write(path, text)

    def obligations(self, _):
        path = os.path.join(self.folder, "congkhai.yaml")
        text = re.sub(r"\nobligations:\n(  .*\n)*", "\n", self.read(path)).rstrip("\n") + "\n"
        if self.rng.random() < 0.6:
            item = self.rng.choice(ITEMS)
            text += ("obligations:\n  change_working_days: %d\n  lists:\n    - list: pho-thong\n      items:\n"
                     "        - slug: %s\n          %s\n") % (self.rng.choice([5, 10]), item,
                                                          self.rng.choice(["remove: true", "name: Mục đổi tên", "offset: -1"]))
        self.write(path, text)

    def draft(self, path):
        self.set_field(path, "draft", self.rng.choice(["true", None]))

    def delete(self, path):
        os.remove(path)

    def add(self, path):
        copy = os.path.join(os.path.dirname(path), f"moi-{self.rng.randint(0, 10**6)}.md")
        self.write(copy, self.read(path))
        self.set_field(copy, "number", f"{self.rng.randint(1, 9999)}/TB-MOI")

    def move(self, path):
        unit = os.path.dirname(os.path.dirname(path))
        target = os.path.join(unit, self.rng.choice(YEARS), os.path.basename(path))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            os.rename(path, target)

    def touch(self, path):
        os.utime(path)

    def attach(self, path):
        name = f"dinh-kem-{self.rng.randint(0, 99)}.pdf"
        with open(os.path.join(os.path.dirname(path), name), "wb") as f:
            f.write(b"%PDF-1.4 " + str(self.rng.random()).encode())
        self.set_field(path, "attachments", f"[{name}]")

    def unit(self, _):
        path = self.rng.choice(self.units())
        text = self.read(path)
        if self.rng.random() < 0.5:
            text = re.sub(r"^name: .*$", f"name: Trường số {self.rng.randint(1, 999)} (đổi tên)", text, flags=re.M)
        else:
            text = re.sub(r"^district: .*$", f"district: {self.rng.choice(['Hồng Ngự', 'Tam Nông', 'Bình Sơn'])}", text, flags=re.M)
        self.write(path, text)

    def new_unit(self, path):
        unit = os.path.dirname(os.path.dirname(path))
        new = os.path.join(os.path.dirname(unit), f"truong-moi-{self.rng.randint(0, 50)}")
        if not os.path.exists(new):
            shutil.copytree(unit, new)
            for document in glob.glob(os.path.join(new, "*/*.md")):
                self.set_field(document, "number", f"{self.rng.randint(1, 9999)}/KH-MOI")

    def remove_unit(self, path):
        if len(self.units()) > 5:
            shutil.rmtree(os.path.dirname(os.path.dirname(path)))

    def page(self, _):
        folder = os.path.join(self.folder, "content/pages")
        os.makedirs(folder, exist_ok=True)
        pages = glob.glob(os.path.join(folder, "*.md"))
        if pages and self.rng.random() < 0.5:
            os.remove(self.rng.choice(pages))
        else:
            self.write(os.path.join(folder, f"trang-{self.rng.randint(0, 9)}.md"), f"---\ntitle: Trang {self.rng.randint(0, 99)}\n---\nLiên hệ văn phòng.\n")

    def template(self, _):
        folder = os.path.join(self.folder, "templates")
        os.makedirs(folder, exist_ok=True)
        footer = os.path.join(folder, "footer.mustache")
        if os.path.exists(footer) and self.rng.random() < 0.5:
            os.remove(footer)
        else:
            self.write(footer, f"<footer>Riêng {self.rng.randint(0, 99)}: {{{{site.title}}}}</footer>\n")

    def settings(self, _):
        path = os.path.join(self.folder, "congkhai.yaml")
        text = re.sub(r"\npage_size: \d+", "", self.read(path)).rstrip("\n") + "\n"
        if self.rng.random() < 0.5:
            text += f"page_size: {self.rng.choice([5, 20, 50])}\n"
        self.write(path, text)

    EDITS = ["body"] * 4 + ["cite"] * 3 + ["uncite", "redate"] * 2 + ["title", "number", "issued"] * 2 + [
        "categories", "draft", "delete", "add", "add", "move", "touch", "attach", "unit", "new_unit", "remove_unit",
        "page", "template", "settings", "disclose", "disclose", "published", "period", "replaces", "not_applicable",
        "obligations", "source_url"]


def build(source, output, full=False):
    command = [BIN, "build", "--source", source, "--output", output] + (["--full"] if full else [])
    return subprocess.run(command, capture_output=True, text=True)


def differences(first, second):
    result = subprocess.run(["diff", "-rq", first, second], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line]


def main():
    documents = int(os.environ.get("CHECK_DOCUMENTS", "600"))
    steps = int(os.environ.get("CHECK_STEPS", "80"))
    seed = int(os.environ.get("CHECK_SEED", "1"))
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="congkhai-rebuild-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        source = os.path.join(work, "portal")
        load_generator()(source, documents)
        portal = Portal(source, rng)
        # Some documents disclose TT 09 items from the start, in the rounds' school years.
        for path in rng.sample(portal.documents(), max(1, documents // 10)):
            portal.move(path)
        for path in rng.sample(portal.documents(), max(1, documents // 8)):
            portal.disclose(path)
        output, full = os.path.join(work, "public"), os.path.join(work, "full")
        first = build(source, output)
        if first.returncode != 0:
            sys.exit(f"the first build failed:\n{first.stderr[-2000:]}")
        failures = 0
        for step in range(1, steps + 1):
            done = []
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                edit = rng.choice(Portal.EDITS)
                path = rng.choice(portal.documents())
                getattr(portal, edit)(path)
                done.append(f"{edit} {os.path.relpath(path, source)}")
            if rng.random() < 0.08:
                # A broken front matter: the build fails and leaves the output; then it is mended.
                path = rng.choice(portal.documents())
                text = Portal.read(path)
                Portal.write(path, text.replace("\ntitle:", "\ntitle: [chưa đóng", 1))
                if build(source, output).returncode == 0:
                    print(f"step {step}: a broken front matter built ({path})")
                    failures += 1
                Portal.write(path, text)
                done.append(f"broken then mended {os.path.relpath(path, source)}")
            rebuilt = build(source, output)
            if rebuilt.returncode != 0:
                print(f"step {step}: the rebuild failed after {done}:\n{rebuilt.stderr[-1000:]}")
                failures += 1
                continue
            shutil.rmtree(full, ignore_errors=True)
            shutil.rmtree(os.path.join(work, ".full.congkhai-cache"), ignore_errors=True)
            whole = build(source, full, full=True)
            if whole.returncode != 0:
                sys.exit(f"step {step}: the full build failed:\n{whole.stderr[-2000:]}")
            found = differences(output, full)
            if found:
                failures += 1
                print(f"step {step}: the rebuild differs from a full build after {done}:")
                for line in found[:10]:
                    print("  " + line)
            else:
                print(f"step {step}: equal ({'; '.join(done)})", flush=True)
        print(f"rebuild-check: {steps} steps on {documents} documents (seed {seed}): "
              + ("passed" if failures == 0 else f"{failures} FAILED"))
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
