# congkhai: `make site` installs what is missing, builds, and generates the example portal into
# public/; `make test` runs the whole suite. Both work on a fresh Debian machine with Swift.

SWIFT ?= swift
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/congkhai

.PHONY: all deps build site test clean check citations

all: site

## Installs the Debian packages congkhai needs, only those missing.
deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "Không tìm thấy Swift (cần Swift 6). Cài Swift rồi chạy lại." >&2; exit 1; }
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Cài đặt các gói còn thiếu:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product congkhai

## Builds the example portal (congkhai.yaml, content/, templates/) into public/.
site: build
	$(RELEASE_BIN) build --source . --output public
	@echo "Xong. Mở trang: file://$(CURDIR)/public/index.html"

check: build
	$(RELEASE_BIN) check --source .

# The command-line tests run the debug executable, so it is built first.
test: deps
	$(SWIFT) build --product congkhai
	$(SWIFT) test

clean:
	rm -rf .build public
