#!/usr/bin/env bash
# Benchmark: `hallmark db import` of every advisory in ../shared/testdata/osv (time,
# database size), then `hallmark scan` of a ~2,000-component CycloneDX SBOM against
# it, and the same scan with a naive Python matcher over the same data (the ratio's
# baseline). Targets (issue 5): import < 30 s, scan < 0.5 s.
#   Benchmarks/scan.sh [COUNT] [WORKDIR]
#   HALLMARK_SCRATCH=DIR  SwiftPM scratch path for the release build (default .build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-2000}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
osv="$root/../shared/testdata/osv"
[ -d "$osv" ] || { echo "missing $osv (../shared beside the repository)" >&2; exit 2; }
python3 -c "import packaging" 2>/dev/null || { echo "missing: pip install packaging" >&2; exit 2; }
scratch="${HALLMARK_SCRATCH:-$root/.build}"
swift build --package-path "$root" --scratch-path "$scratch" -c release --product hallmark >&2
hallmark="$(swift build --package-path "$root" --scratch-path "$scratch" -c release --show-bin-path)/hallmark"

python3 "$root/Benchmarks/make-scan-sbom.py" "$osv" "$count" "$work/sbom.cdx.json"
rm -f "$work/advisories.sqlite"
seconds() { local start=$(date +%s.%N); "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }; echo "$(date +%s.%N) - $start" | bc; }

import_time=$(seconds "$hallmark" db import --db "$work/advisories.sqlite" "$osv")
size=$(stat -c %s "$work/advisories.sqlite")
scan_time=$(seconds "$hallmark" scan "$work/sbom.cdx.json" --db "$work/advisories.sqlite" -o json)
findings=$(python3 -c "import json,sys; print(len(json.load(open('$work/out'))['findings']))")
naive_time=$(seconds python3 "$root/Benchmarks/naive-osv-matcher.py" "$osv" "$work/sbom.cdx.json")
naive_findings=$(cat "$work/out")

echo "advisories: $(grep -c '' "$osv"/*.jsonl | awk -F: '{s+=$2} END {print s}') records in $osv"
printf "hallmark db import:   %6.2f s (target < 30 s), database %d MB\n" "$import_time" $((size / 1048576))
printf "hallmark scan:        %6.3f s for %d components, %d findings (target < 0.5 s)\n" "$scan_time" "$count" "$findings"
printf "naive python matcher: %6.3f s, %d findings\n" "$naive_time" "$naive_findings"
echo "ratio (python/hallmark scan): $(echo "scale=1; $naive_time / $scan_time" | bc)x"
