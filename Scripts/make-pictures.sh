#!/usr/bin/env bash
# Makes the pictures in docs/ that show presenter outputs, as headless Chromium draws them:
#   docs/journey-map.png   the HTML journey map of Journeys/retailer-loyalty-mckinsey.json
# Needs chromium and python3 (.ci/run installs chromium). The map's date is fixed so the
# picture only changes when the map does.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q --product journeyman
bin="$(swift build --show-bin-path)/journeyman"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" export Journeys/retailer-loyalty-mckinsey.json --format html --today 2026-12-01 -o "$tmp/map.html"
printf '[{"url": "file://%s/map.html", "width": 1140, "height": 800, "screenshot": "%s/docs/journey-map.png"}]' "$tmp" "$PWD" \
  | python3 Scripts/chromium-check.py > "$tmp/result.json"
python3 - "$tmp/result.json" <<'PY'
import json, sys
errors = [e for page in json.load(open(sys.argv[1])) for e in page["errors"]]
if errors:
    sys.exit("make-pictures: the page reported errors:\n" + "\n".join(errors))
PY
echo "wrote docs/journey-map.png"
