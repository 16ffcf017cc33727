#!/usr/bin/env bash
# make fault-test: a build killed with SIGKILL at random moments must leave the previous site
# complete and unchanged (or, if it got that far, the new one complete); a full disk and a
# read-only output folder must give a clear error and no partial site.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/.build/release/congkhai"
RUNS="${RUNS:-20}"
DOCUMENTS_PER_SEED="${DOCUMENTS_PER_SEED:-600}"
work="$(mktemp -d /tmp/congkhai-fault.XXXXXX)"
mounts=()
cleanup() { for m in "${mounts[@]:-}"; do [ -n "$m" ] && umount "$m" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# A portal large enough that a build takes a while: the example portal's documents, many times.
portal="$work/portal"
mkdir -p "$portal"
cp congkhai.yaml "$portal/"
cp -r content "$portal/"
for source in content/units/*/*/*.md; do
  folder="$portal/$(dirname "$source")"
  name="$(basename "$source" .md)"
  for i in $(seq 1 "$DOCUMENTS_PER_SEED"); do
    sed '/^number:/d' "$source" > "$folder/$name-$i.md"
  done
done
documents=$(find "$portal/content" -name '*.md' | wc -l)

# The first 120 characters of a file's first line: cut(1) counts bytes and splits Vietnamese letters.
first_chars() { python3 -c 'import sys; print(open(sys.argv[1], encoding="utf-8").readline().rstrip()[:120])' "$1"; }
snapshot() { (cd "$1" && find . -type f ! -name '.congkhai-output' ! -name 'them.md' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
extra="$portal/content/units/th-an-phuoc/2023-2024/them.md"
with_extra() { printf -- '---\ntitle: Văn bản thêm\nkind: thong-bao\nnumber: 99/TB-THAP\nissued: 2024-05-02\n---\nThông báo.\n' > "$extra"; }

# The two complete sites a build may leave: without and with one more document.
rm -f "$extra"; "$BIN" build --source "$portal" --output "$work/site-a" >/dev/null 2>&1
with_extra;    "$BIN" build --source "$portal" --output "$work/site-b" >/dev/null 2>&1
site_a=$(snapshot "$work/site-a"); site_b=$(snapshot "$work/site-b")
rm -f "$extra"
start=$(date +%s%N); "$BIN" build --source "$portal" --output "$portal/public" >/dev/null 2>&1; end=$(date +%s%N)
build_ms=$(( (end - start) / 1000000 ))
content_before=$(snapshot "$portal/content")
echo "portal: $documents documents; a full build takes ${build_ms} ms"

kept_old=0; got_new=0
for run in $(seq 1 "$RUNS"); do
  if [ -f "$extra" ]; then rm -f "$extra"; else with_extra; fi
  # Every third build is a --full one, which makes the next build's spare output as it writes.
  full=(); [ $((run % 3)) -eq 0 ] && full=(--full)
  "$BIN" build --source "$portal" --output "$portal/public" "${full[@]}" >/dev/null 2>&1 &
  pid=$!
  delay_ms=$(( RANDOM % (build_ms + build_ms / 5 + 1) ))
  sleep "$(printf '0.%03d' "$delay_ms")" 2>/dev/null || sleep 0
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  now=$(snapshot "$portal/public")
  if [ "$now" = "$site_a" ] || [ "$now" = "$site_b" ]; then
    if { [ -f "$extra" ] && [ "$now" = "$site_b" ]; } || { [ ! -f "$extra" ] && [ "$now" = "$site_a" ]; }; then got_new=$((got_new + 1)); else kept_old=$((kept_old + 1)); fi
  else
    echo "run $run: killed after ${delay_ms} ms, public/ is neither the old nor the new site" >&2; exit 1
  fi
  [ "$(snapshot "$portal/content")" = "$content_before" ] || { echo "run $run: content/ changed" >&2; exit 1; }
done
# Whatever the killed builds left (a spare half updated or half made, keys of a build that
# never swapped), the next build that runs to its end makes the right site.
"$BIN" build --source "$portal" --output "$portal/public" >/dev/null 2>&1
expected=$site_a; [ -f "$extra" ] && expected=$site_b
[ "$(snapshot "$portal/public")" = "$expected" ] || { echo "after the killed builds, a build made a wrong site" >&2; exit 1; }
echo "kill -9: $RUNS runs, public/ always complete: $kept_old kept the old site, $got_new had the new one; the build after them made the right site"

# A full disk: the new site does not fit; the old one must stay.
small="$work/small"; mkdir -p "$small"
if mount -t tmpfs -o size=3m tmpfs "$small" 2>/dev/null; then
  mounts+=("$small")
  tiny="$work/tiny"; mkdir -p "$tiny/content/units/a/2023-2024"
  printf 'title: Nhỏ\n' > "$tiny/congkhai.yaml"; printf 'name: A\n' > "$tiny/content/units/a/unit.yaml"
  printf -- '---\ntitle: Một\nkind: ke-hoach\n---\nMột.\n' > "$tiny/content/units/a/2023-2024/mot.md"
  "$BIN" build --source "$tiny" --output "$small/public" >/dev/null 2>&1
  before=$(snapshot "$small/public")
  for i in $(seq 1 400); do printf -- '---\ntitle: Văn bản %s\nkind: ke-hoach\n---\n%s\n' "$i" "$(head -c 6000 /dev/zero | tr '\0' 'x')" > "$tiny/content/units/a/2023-2024/v$i.md"; done
  if "$BIN" build --source "$tiny" --output "$small/public" > "$work/full.out" 2> "$work/full.err"; then echo "full disk: the build should have failed" >&2; exit 1; fi
  grep -q "không ghi được trang web" "$work/full.err" || { echo "full disk: unclear message:"; cat "$work/full.err"; exit 1; } >&2
  [ "$(snapshot "$small/public")" = "$before" ] || { echo "full disk: public/ changed" >&2; exit 1; }
  leftovers="$(ls -A "$small" | grep -v -e '^public$' -e '^\.public\.congkhai-cache$' || true)"
  [ -z "$leftovers" ] || { echo "full disk: left behind: $leftovers" >&2; exit 1; }
  # The build cache beside the output may stay, but never a half-written file.
  ! ls -A "$small/.public.congkhai-cache" 2>/dev/null | grep -q 'partial\|tmp' || { echo "full disk: half-written cache left: $(ls -A "$small/.public.congkhai-cache")" >&2; exit 1; }
  # A --full build makes the next build's spare as it writes: when it fails, that half-made
  # spare goes too, or its links would keep the failed build's files on the full disk.
  if "$BIN" build --full --source "$tiny" --output "$small/public" > /dev/null 2> "$work/full2.err"; then echo "full disk: the --full build should have failed" >&2; exit 1; fi
  [ "$(snapshot "$small/public")" = "$before" ] || { echo "full disk, --full: public/ changed" >&2; exit 1; }
  spare="$small/.public.congkhai-cache/spare-output"
  [ ! -d "$spare" ] || [ -f "$spare/.congkhai-output" ] || { echo "full disk, --full: a half-made spare output was left" >&2; exit 1; }
  echo "full disk: clear error ($(first_chars "$work/full.err")...), previous site unchanged, no half-made spare left"

  # A read-only output folder.
  mount -o remount,ro "$small"
  if "$BIN" build --source "$tiny" --output "$small/public" > /dev/null 2> "$work/ro.err"; then echo "read-only: the build should have failed" >&2; exit 1; fi
  grep -q "không ghi được trang web" "$work/ro.err" || { echo "read-only: unclear message:"; cat "$work/ro.err"; exit 1; } >&2
  [ "$(snapshot "$small/public")" = "$before" ] || { echo "read-only: public/ changed" >&2; exit 1; }
  echo "read-only: clear error ($(first_chars "$work/ro.err")...), previous site unchanged"
else
  echo "full disk and read-only: skipped (mounting a small tmpfs needs root)"
fi
echo "fault-test: passed"
