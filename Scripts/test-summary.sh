#!/usr/bin/env bash
# Prints one line, "tests: N passed, N failed" (", N skipped" when some were), from the
# output of `swift test` in FILE (or stdin). It counts XCTest's "Test Case '...' passed /
# failed / skipped" lines (XCTest's own "Executed N tests, with M failures" counts failed
# assertions, not tests) and checks them against the last "Executed N tests" line, which
# counts every test of the run. Exits 1, saying so, when that line is missing (the run did
# not get to the end) or disagrees. Used by .ci/run; CIScriptTests holds its logic.
set -euo pipefail
log=$(cat "${1:-/dev/stdin}")
line=$(grep -E "Executed [0-9]+ tests?, with " <<<"$log" | tail -n 1 || true)
if [ -z "$line" ]; then
  echo "tests: no XCTest summary line (the run did not finish)"
  exit 1
fi
total=$(sed -E 's/.*Executed ([0-9]+) tests?,.*/\1/' <<<"$line")
count() { grep -cE "Test Case '[^']+' $1 \(" <<<"$log" || true; }
passed=$(count passed)
failed=$(count failed)
skipped=$(count skipped)
summary="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
if [ $((passed + failed + skipped)) -ne "$total" ]; then
  echo "tests: XCTest executed $total tests, but $((passed + failed + skipped)) have a result line"
  exit 1
fi
