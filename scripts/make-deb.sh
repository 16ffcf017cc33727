#!/usr/bin/env bash
# `make deb`: congkhai_<version>_amd64.deb, made with Debian's own tools, for a server without
# Swift. The release binary is linked with the Swift runtime statically (no toolchain needed,
# no RUNPATH into it); dpkg-shlibdeps names the C libraries it needs (cmark-gfm, libxml2, zlib,
# the C++ runtime…); poppler-utils is recommended for PDF import. Beside the binary: a man page
# (help2man, from --help), bash, zsh and fish completions (swift-argument-parser's), the
# Vietnamese quick start, debian/changelog and debian/copyright.
#
# Prints the package's path last. .build-deb holds the work and the package. A package is made
# from a clean checkout whose debian/changelog names VERSION; the script refuses otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
out=.build-deb
version=$(tr -d '[:space:]' < VERSION)
# One version: debian/changelog's first entry must be VERSION's.
changelog_version=$(sed -n '1s/^congkhai (\([^)]*\)).*/\1/p' debian/changelog)
if [ "$changelog_version" != "$version" ]; then
  echo "make-deb: VERSION says $version, debian/changelog $changelog_version: add a changelog entry" >&2
  exit 1
fi
# A release is built from a commit, never from changes not committed (DEB_DIRTY=1 to try one).
commit=$(cat Sources/congkhai/BuildInfo/commit.txt 2>/dev/null || true)
if [ -z "$commit" ] || { [ "${commit%-dirty}" != "$commit" ] && [ "${DEB_DIRTY:-}" != 1 ]; }; then
  echo "make-deb: commit “${commit:-unknown}”: build a package from a clean git checkout (or DEB_DIRTY=1 for a trial)" >&2
  exit 1
fi
# Every date in the package is the last commit's, so the same commit gives the same package.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
export SOURCE_DATE_EPOCH
architecture=$(dpkg --print-architecture)
package="congkhai_${version}_${architecture}"
stage="$out/$package"

# The binary: release, the Swift runtime inside it. Its own build folder, so that the
# developers' release build (linked with the toolchain's runtime) is not relinked each time.
# Linked with full RELRO (lintian: hardening-no-relro, hardening-no-bindnow).
# Its manifest read afresh: SwiftPM's cache would keep a Package.swift's list of templates
# from before a template was added.
"$SWIFT" build -c release --product congkhai --static-swift-stdlib --scratch-path "$out/swift" --manifest-cache none \
  -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now
binary="$out/swift/release/congkhai"

rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/man/man1" \
  "$stage/usr/share/doc/congkhai" "$stage/usr/share/lintian/overrides" "$stage/usr/share/bash-completion/completions" \
  "$stage/usr/share/zsh/vendor-completions" "$stage/usr/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$stage/usr/bin/congkhai"
# Debian's binaries carry no symbols (lintian: unstripped-binary-or-object), and no RUNPATH
# (lintian: custom-library-search-path): the Swift runtime is inside, the C libraries are the
# system's.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/congkhai"
if readelf -d "$stage/usr/bin/congkhai" | grep -qE 'RUNPATH|RPATH'; then
  patchelf --remove-rpath "$stage/usr/bin/congkhai"
fi
if readelf -d "$stage/usr/bin/congkhai" | grep -qE 'RUNPATH|RPATH'; then
  echo "make-deb: the binary still has a RUNPATH" >&2
  exit 1
fi
if readelf -d "$stage/usr/bin/congkhai" | grep -q 'libswift'; then
  echo "make-deb: the binary still needs the Swift runtime's shared libraries" >&2
  exit 1
fi

installed="$stage/usr/bin/congkhai"
# The binary names the commit it was built from.
"$installed" --version | grep -qF "(commit $commit)" || {
  echo "make-deb: $("$installed" --version) does not name commit $commit" >&2
  exit 1
}
# help2man reads --name and the include file as Latin-1 (Vietnamese comes out garbled): their
# letters beyond ASCII are given as groff escapes (\[u1EA1]); the help it reads from the program
# is decoded in the locale (UTF-8). Dated by the last commit, so the page is the same anywhere.
groff_escaped() {
  python3 -c 'import sys; sys.stdout.write("".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in sys.stdin.read()))'
}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
pages="$scratch/pages"
mkdir -p "$pages"
groff_escaped < debian/congkhai.h2m > "$pages/congkhai.h2m"
name=$(printf '%s' "tạo trang công khai thông tin của trường học (Thông tư 09/2024/TT-BGDĐT)" | groff_escaped)
LC_ALL=C.UTF-8 help2man --locale=C.UTF-8 --no-info --no-discard-stderr --section=1 --name="$name" \
  --version-string="$version" \
  --include="$pages/congkhai.h2m" "$installed" | gzip -9n > "$stage/usr/share/man/man1/congkhai.1.gz"
"$installed" --generate-completion-script bash | sed '1{/^#!/d}' > "$stage/usr/share/bash-completion/completions/congkhai"
"$installed" --generate-completion-script zsh > "$stage/usr/share/zsh/vendor-completions/_congkhai"
"$installed" --generate-completion-script fish > "$stage/usr/share/fish/vendor_completions.d/congkhai.fish"

cp debian/copyright "$stage/usr/share/doc/congkhai/copyright"
# A native package (no upstream tarball apart from it): changelog.gz.
gzip -9n < debian/changelog > "$stage/usr/share/doc/congkhai/changelog.gz"
# What lintian reports that stays, each with why (docs/install.md).
grep -v '^#' debian/lintian-overrides > "$stage/usr/share/lintian/overrides/congkhai"
cp docs/install.md "$stage/usr/share/doc/congkhai/README.md"
cp docs/serve.md "$stage/usr/share/doc/congkhai/serve.md"
# The licence and NOTICE files of every package whose code is linked in (the release build's
# link list names its modules), and the licences written in the C sources they carry.
linked=$(sed 's|.*/release/||; s|\.build/.*||' "$out/swift/release/congkhai.product/Objects.LinkFileList" | sort -u)
{
  for checkout in "$out"/swift/checkouts/*; do
    modules=$(ls "$checkout/Sources" 2>/dev/null || true)
    if ! printf '%s\n' $modules | grep -qxF -f <(printf '%s\n' $linked); then continue; fi
    for file in "$checkout"/LICENSE* "$checkout"/NOTICE* "$checkout"/COPYING*; do
      [ -f "$file" ] || continue
      printf '\n==== %s: %s ====\n\n' "$(basename "$checkout")" "$(basename "$file")"
      cat "$file"
    done
  done
  printf '\n==== swift-nio: Sources/CNIOLLHTTP/LICENSE (llhttp) ====\n\n'
  cat "$out/swift/checkouts/swift-nio/Sources/CNIOLLHTTP/LICENSE"
  for source in swift-crypto/Sources/CCryptoBoringSSL/crypto/mem.cc swift-crypto/Sources/CCryptoBoringSSL/crypto/bio/pair.cc \
    hummingbird-auth/Sources/CBcrypt/blf.c hummingbird-auth/Sources/CBcrypt/bcrypt.c; do
    printf '\n==== %s (its licence, as its header says it) ====\n\n' "$source"
    sed -n '1,/\*\//p' "$out/swift/checkouts/$source"
  done
} > "$stage/usr/share/doc/congkhai/third-party-licences.txt"
chmod 0644 "$stage"/usr/share/doc/congkhai/* "$stage"/usr/share/man/man1/* "$stage"/usr/share/lintian/overrides/* \
  "$stage"/usr/share/*/completions/congkhai "$stage"/usr/share/zsh/vendor-completions/_congkhai \
  "$stage"/usr/share/fish/vendor_completions.d/congkhai.fish

# Depends: what the binary links, as dpkg-shlibdeps reads it from the system's packages.
work="$scratch/shlibdeps"
mkdir -p "$work/debian"
printf 'Source: congkhai\n\nPackage: congkhai\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O "$OLDPWD/$installed" | sed -n 's/^shlibs:Depends=//p')

size=$(du -sk --apparent-size --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: congkhai
Version: $version
Architecture: $architecture
Maintainer: congkhai <congkhai@example.edu.vn>
Installed-Size: $size
Depends: $depends
Recommends: poppler-utils
Section: web
Priority: optional
Description: static site generator for Vietnamese schools' public disclosures
 congkhai turns the public-disclosure documents of Vietnamese schools and
 education offices (Thông tư 09/2024/TT-BGDĐT) into a fast, accessible static
 website: a page per document and per school, the directives they cite, the
 disclosures by school year, search, feeds and open data. It imports the Word,
 PDF and text files schools already have, and serves a publishing desk with
 accounts for a district's schools (congkhai serve).
CONTROL

(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out/$package.deb" > /dev/null
echo "$out/$package.deb"
