#!/usr/bin/env bash
# Runs the libFuzzer target (Fuzz/) on the journey reader for a while.
#
#   Scripts/fuzz.sh [SECONDS] [extra libFuzzer options...]
#
# SECONDS defaults to 300. The run starts from Tests/Corpus and keeps what it learns in
# Fuzz/.corpus (not in git). A crash or a failed round trip stops it and leaves the input
# in Fuzz/.artifacts/; replay one with `Fuzz/.build/release/JourneyFuzz FILE`.
# Set FUZZ_JOBS to run several fuzzers in parallel (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true
root="$PWD"
cd Fuzz
log="$(mktemp)"
if ! swift build -c release --product JourneyFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld > "$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "fuzz.sh: the fuzz target did not build" >&2
  exit 1
fi
rm -f "$log"
bin="$root/Fuzz/.build/release/JourneyFuzz"
mkdir -p .corpus .artifacts
seeds="$(mktemp -d)"
trap 'rm -rf "$seeds"' EXIT
cp "$root"/Tests/Corpus/*.json "$root"/Tests/Corpus/base.journey "$seeds"/
parallel=()
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then parallel=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
"$bin" .corpus "$seeds" -dict=journey.dict -max_len=65536 -max_total_time="$seconds" \
  -artifact_prefix=.artifacts/ -print_final_stats=1 ${parallel[@]+"${parallel[@]}"} "$@"
