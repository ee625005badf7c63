#!/usr/bin/env bash
# Prints one line, "tests: N passed, N failed" (", N skipped" when some were), from FILE (or
# stdin): the output of `swift test`, or the XUnit file of `swift test --parallel
# --xunit-output FILE` (what .ci/run writes).
# - From the output: it counts XCTest's "Test Case '...' passed / failed / skipped" lines
#   (XCTest's own "Executed N tests, with M failures" counts failed assertions, not tests) and
#   checks them against the last "Executed N tests" line, which counts every test of the run.
#   Exits 1, saying so, when that line is missing (the run did not get to the end) or disagrees.
# - From XUnit: one <testcase> per test, failed when it holds a <failure> (SwiftPM writes a
#   skipped test as a passed one, so no skips are counted); the count is checked against the
#   <testsuite tests="N"> total. Exits 1 when the file is not a finished XUnit report.
# Used by .ci/run; CIScriptTests holds its logic.
set -euo pipefail
if [ -n "${1:-}" ] && [ ! -f "$1" ]; then
  echo "tests: no report at $1 (the run did not finish)"
  exit 1
fi
log=$(cat "${1:-/dev/stdin}")
if [[ "$log" == "<?xml"* ]]; then
  total=$(grep -oE '<testsuite [^>]*tests="[0-9]+"' <<<"$log" | sed -E 's/.*tests="([0-9]+)"/\1/' | head -n 1 || true)
  if [ -z "$total" ] || ! grep -q "</testsuites>" <<<"$log"; then
    echo "tests: the XUnit report is incomplete (the run did not finish)"
    exit 1
  fi
  cases=$(grep -cE "<testcase " <<<"$log" || true)
  failed=$({ grep -oE "<failure[ >]" <<<"$log" || true; } | wc -l)
  echo "tests: $((cases - failed)) passed, $failed failed"
  if [ "$cases" -ne "$total" ]; then
    echo "tests: the XUnit report counts $total tests, but lists $cases"
    exit 1
  fi
  exit 0
fi
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
