#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets in Fuzz/ and runs each for FUZZ_SECONDS (default 300).
# Crashes are kept in Fuzz/crashes/<target>/ to be turned into regression tests.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
SECONDS_EACH="${FUZZ_SECONDS:-300}"
# The build plan of a path dependency (..) is not renewed when a source file is added there: the
# build then fails with "cannot find ... in scope". Planning again takes a second.
rm -f .build-fuzz/debug.yaml .build-fuzz/*/description.json
swift build -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing 2>&1 | tail -2
bin="$(swift build -c debug --scratch-path .build-fuzz --show-bin-path)"
mkdir -p corpus crashes
for target in FuzzFrontMatter FuzzCitations FuzzImportText; do
  mkdir -p "corpus/$target" "crashes/$target"
  # Seed the corpus with real documents.
  cp ../../shared/seeds/*.txt "corpus/$target/" 2>/dev/null || true
  for document in ../content/units/*/*/*.md; do cp "$document" "corpus/$target/"; done
  # Text copied out of PDFs and saved pages (Tests/ImportFixtures).
  if [ "$target" = FuzzImportText ]; then cp ../Tests/ImportFixtures/*.* ../Tests/ImportFixtures/real/*.txt "corpus/$target/"; fi
  echo "== $target: $SECONDS_EACH s"
  "$bin/$target" "corpus/$target" -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=4096 -timeout=20 \
    -artifact_prefix="crashes/$target/" -print_final_stats=1 2>&1 | grep -E "^stat::number_of_executed_units|^stat::peak_rss|Done|ERROR|SUMMARY|crash-|timeout-|oom-" || true
done
