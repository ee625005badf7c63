#!/usr/bin/env bash
# The performance benchmark (issue 7): builds journeyman in release mode, generates
# journeys of 5k, 50k and 200k touchpoints with journeyman-gen and measures each
# command beside the tool a reviewer would otherwise reach for, in the same run.
#
#   Scripts/bench.sh            full run; exit 1 when a target of issue 7 misses
#   Scripts/bench.sh --smoke    small sizes, one run each, no targets checked (CI)
#   Scripts/bench.sh --static-stdlib   the same with the Swift runtime linked statically
#   Scripts/bench.sh --long-id  only the row of a 1 MiB invalid id, non-ASCII beside ASCII
#   Scripts/bench.sh --forecast-panel  only the Forecast panel's keystrokes on the samples
#   Scripts/bench.sh --callgrind  also the editor's instructions per keystroke (valgrind's
#                               callgrind; load-independent): plain, lens on, swimlanes;
#                               on the sample also u/Ctrl-R on the board and in the Forecast panel
#
# Options: --sizes "N N ..." (touchpoints), --runs R (repeats; the median is shown),
# --seed S, --rows "NAME ..." (only those rows: validate fmt lint summary forecast
# editor editor-samples long-id forecast-panel). Needs swift, python3 and jq (jq is installed with apt-get when
# missing and possible; otherwise its rows say "not available"). Wall time and peak memory
# (maximum resident set) are measured with getrusage through python3's os.wait4.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
sizes="5000 50000 200000"
runs=3
seed=7
static=()
scratch=.build-bench
callgrind=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; sizes="300 3000"; runs=1 ;;
    --sizes) sizes="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    --rows) export BENCH_ROWS="$2"; shift ;;
    --static-stdlib) static=(--static-swift-stdlib); scratch=.build-bench-static ;;
    --long-id) sizes="" ;;
    --forecast-panel) sizes=""; export BENCH_ROWS="forecast-panel" ;;
    --callgrind) callgrind=1 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
  shift
done

if ! command -v jq >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bench: installing jq"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null || true
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed to measure (and is the peer)" >&2; exit 69; }

echo "bench: building in release mode ($scratch${static:+, Swift runtime linked statically})"
swift build -c release --scratch-path "$scratch" "${static[@]}" --product journeyman-gen 2>&1 | tail -1
swift build -c release --scratch-path "$scratch" "${static[@]}" --product journeyman 2>&1 | tail -1
bin="$scratch/release/journeyman"
gen="$scratch/release/journeyman-gen"
data="$scratch/bench-data"
mkdir -p "$data"
status=0
python3 Scripts/bench.py "$bin" "$gen" "$data" "$smoke" "$runs" "$seed" $sizes || status=$?
if [ "$callgrind" = 1 ]; then
  echo
  echo "== editor instructions per keystroke (callgrind; 100 keys per view at 200x60: j/k, or u/Ctrl-R)"
  for f in Journeys/neobank-laer.json $(for n in $sizes; do echo "$data/journey-$n-s$seed.json"; done); do
    echo "  $f"
    views=plain,lens,swimlanes
    [ "$f" = Journeys/neobank-laer.json ] && views+=,undo,forecast-undo
    cp "$f" "$data/callgrind-$(basename "$f")"
    python3 Scripts/keystroke-callgrind.py "$bin" "$data/callgrind-$(basename "$f")" 100 "$data/callgrind" "$views" || status=$?
  done
fi
exit $status
