#!/usr/bin/env bash
# Accepts the expectations a recording run proposed: every Tests/**/*.new file written by
#   JOURNEYMAN_UPDATE_GOLDEN=1 swift test --filter ReviewGoldenTests   (goldens in Tests/Golden/)
#   CORPUS_RECORD=1 swift test --filter CorpusTests                    (Tests/Corpus/expected.tsv)
# replaces the file it sits beside. Review them first:
#   Scripts/accept-expectations.sh --list    the proposals, with a diff of each
#   Scripts/accept-expectations.sh           move every proposal into place
#   Scripts/accept-expectations.sh FILE.new...   only these
set -euo pipefail
cd "$(dirname "$0")/.."
list=false
if [ "${1:-}" = "--list" ]; then list=true; shift; fi
if [ $# -gt 0 ]; then
  proposals=("$@")
else
  mapfile -t proposals < <(find Tests -name '*.new' -type f | sort)
fi
if [ ${#proposals[@]} -eq 0 ]; then
  echo "no proposed expectations (Tests/**/*.new)"
  exit 0
fi
for p in "${proposals[@]}"; do
  case "$p" in
    *.new) ;;
    *) echo "not a proposal (no .new): $p" >&2; exit 64 ;;
  esac
  [ -f "$p" ] || { echo "no such proposal: $p" >&2; exit 66; }
  target="${p%.new}"
  if $list; then
    if [ -f "$target" ]; then diff -u "$target" "$p" || true; else echo "new file: $target"; fi
  else
    mv "$p" "$target"
    echo "accepted $target"
  fi
done
