#!/bin/bash
# What a congkhai binary makes of the regression corpus (Tests/RegressionCorpus/NNN_*.txt):
#   scripts/corpus-output.sh citations BINARY   `congkhai citations` on every text (citations.jsonl)
#   scripts/corpus-output.sh import BINARY      `congkhai import` of every text into a scratch
#                                               portal, each written file and message (import.expected)
# `make corpus-baseline` records both; the tests (RegressionCorpusTests) compare line for line.
set -u
what=$1
binary=$(realpath "$2")
cd "$(dirname "$0")/../Tests/RegressionCorpus" || exit 1
texts=$(ls [0-9][0-9][0-9]_*.txt | LC_ALL=C sort)
case $what in
citations)
  "$binary" citations $texts
  ;;
import)
  portal=$(mktemp -d)
  trap 'rm -rf "$portal"' EXIT
  mkdir -p "$portal/content/units/truong"
  printf 'title: Cổng thử\n' > "$portal/congkhai.yaml"
  printf 'name: Trường Tiểu học Thử\nkind: tieu-hoc\n' > "$portal/content/units/truong/unit.yaml"
  for text in $texts; do
    out="$portal/out/$text"
    echo "=== text: $text"
    # A fixed day and school year: the output must not depend on the clock.
    "$binary" import "$PWD/$text" --source "$portal" --unit truong --output "$out" --published 2025-01-01 \
      --school-year 2024-2025 --no-attach > "$portal/messages" 2>&1
    status=$?
    sed "s#$out/##g; s#$PWD/##g" "$portal/messages"
    [ $status = 0 ] || echo "(exit $status)"
    for written in "$out"/*.md; do
      [ -e "$written" ] || continue
      echo "=== written: $(basename "$written")"
      cat "$written"
    done
  done
  ;;
*)
  echo "usage: $0 citations|import BINARY" >&2
  exit 64
  ;;
esac
