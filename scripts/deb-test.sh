#!/usr/bin/env bash
# `make deb-test`: the package installed on a clean Debian 12 and nothing else. debootstrap makes
# the system in .build-deb-test/ (its first run is kept as a tarball, and every run starts from a
# fresh copy of it); `apt install ./congkhai_….deb` installs the package there; `congkhai new`,
# `congkhai import` of a seed and `congkhai build` of the new portal and of the example portal
# run there, and each result is compared byte for byte with what the development binary
# (.build/release/congkhai) makes of the same input. Prints the package's size, its control
# fields and how long the installed binary takes to build the example portal.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD

version=$(tr -d '[:space:]' < VERSION)
architecture=$(dpkg --print-architecture)
deb="$here/.build-deb/congkhai_${version}_${architecture}.deb"
dev="$here/.build/release/congkhai"
seed="$here/../shared/seeds/000_225770425047c8d6.txt"
[ -f "$deb" ] || { echo "deb-test: no $deb; run make deb" >&2; exit 1; }
[ -f "$seed" ] || { echo "deb-test: no seed at $seed (../shared/seeds beside the repository)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "deb-test: debootstrap, mount and chroot need root: sudo scripts/deb-test.sh" >&2; exit 1; }
[ -x "$dev" ] || { echo "deb-test: no $dev; run make build" >&2; exit 1; }

folder="$here/.build-deb-test"
pristine="$folder/debian12.tar"
root="$folder/root"
mkdir -p "$folder"

# The mirror this machine's apt uses, so the test system reaches what it reaches.
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1 | awk '{ print $1 }')
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; exit } }' \
  /etc/apt/sources.list 2>/dev/null)

# Unmounts what the test mounted in the test system, and says whether anything is still
# mounted there: nothing is removed while it is (rm would go into the host's /dev).
unmounted() {
  umount -R "$root/proc" 2>/dev/null || true
  umount -R "$root/dev" 2>/dev/null || true
  ! findmnt -rn -o TARGET | grep -q "^$root/"
}
remove_root() {
  unmounted || { echo "deb-test: something is still mounted under $root; unmount it first" >&2; exit 1; }
  rm -rf --one-file-system "$root"
}

if [ ! -f "$pristine" ]; then
  remove_root
  debootstrap --variant=minbase bookworm "$root" ${mirror:+"$mirror"} > "$folder/debootstrap.log" 2>&1 \
    || { tail -20 "$folder/debootstrap.log"; exit 1; }
  tar -C "$root" -cf "$pristine.part" .
  mv "$pristine.part" "$pristine"
fi

cleanup() { unmounted || echo "deb-test: $root still has something mounted" >&2; }
trap cleanup EXIT
remove_root
mkdir -p "$root"
tar -C "$root" -xf "$pristine"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"

inside() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

# Nothing but the package: no toolchain, no library installed by hand.
cp "$deb" "$root/tmp/"
inside sh -c 'apt-get update -qq && cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./congkhai_*.deb' \
  > "$folder/install.log" 2>&1 || { cat "$folder/install.log"; exit 1; }
if inside sh -c 'ldd /usr/bin/congkhai | grep -E "not found|swift"'; then
  echo "deb-test: the installed binary misses a library, or needs Swift's" >&2
  exit 1
fi
inside congkhai --version
[ "$(inside sh -c 'ls /opt 2>/dev/null | wc -l')" = 0 ]

# The same steps, inside with the package, outside with the development binary.
steps='
set -e
cd "$1"
congkhai new cong --unit th-thu --name "Trường Tiểu học Thử" --unit-kind tieu-hoc --round 2026 > /dev/null
congkhai import seed.txt --unit th-thu --source cong --school-year 2025-2026 --published 2026-09-10 > /dev/null 2>&1
congkhai build --source cong --output cong/public > /dev/null 2>&1
'
work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
for place in "$root/tmp/thu" "$work/thu"; do
  mkdir -p "$place"
  cp "$seed" "$place/seed.txt"
  cp -r examples/truong-mau "$place/truong-mau"
  rm -rf "$place/truong-mau/public"
  # The example portal of `make site`: the five real documents, with the templates folder.
  mkdir -p "$place/vi-du"
  cp -r congkhai.yaml content templates "$place/vi-du/"
done
inside sh -c "$steps" sh /tmp/thu
mkdir -p "$work/bin"
ln -s "$dev" "$work/bin/congkhai"
PATH="$work/bin:$PATH" sh -c "$steps" sh "$work/thu"
# Every page and file the same, byte for byte; only the output's marker and the rebuild cache
# beside it differ, as they name the binary that made them.
same() { diff -r --exclude=.congkhai-output --exclude=.public.congkhai-cache "$1" "$2"; }
same "$root/tmp/thu/cong" "$work/thu/cong"

# The example portals, timed with the installed binary (cold builds, the best of three), and
# compared with the development binary's.
TIMEFORMAT=%3R
timed() {
  local times=()
  for _ in 1 2 3; do
    rm -rf "$root/tmp/thu/$1/public" "$root/tmp/thu/$1/.public.congkhai-cache"
    times+=("$( { time inside congkhai build --source "/tmp/thu/$1" --output "/tmp/thu/$1/public" > /dev/null 2>&1; } 2>&1 )")
  done
  printf '%s\n' "${times[@]}" | sort -n | head -1
}
best=$(timed vi-du)
demo=$(timed truong-mau)
for portal in vi-du truong-mau; do
  "$dev" build --source "$work/thu/$portal" --output "$work/thu/$portal/public" > /dev/null 2>&1
  same "$root/tmp/thu/$portal/public" "$work/thu/$portal/public"
done

echo "deb-test: passed"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Version Installed-Size Depends Recommends
echo "example portal (make site's, five real documents) built by the installed binary in ${best} s, examples/truong-mau in ${demo} s (cold, best of three)"
