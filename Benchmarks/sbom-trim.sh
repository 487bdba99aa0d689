#!/usr/bin/env bash
# Benchmark: `hallmark sbom trim` against `jq 'del(.files)'` on a generated
# ~150 MB SPDX 2.3 document (3,000 packages, 300,000 files, 303,001 relationships).
# One run each, same machine, same input; prints wall time, peak RSS and ratios.
# Targets (issue 3): hallmark >= 5x faster than jq, peak RSS <= 1/3 of jq's.
#
# Usage: Benchmarks/sbom-trim.sh [WORKDIR]
#   HALLMARK=path/to/hallmark  use this binary (default: build release with SwiftPM)
# Needs: python3, jq, /usr/bin/time (GNU).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
hallmark=${HALLMARK:-}
if [[ -z "$hallmark" ]]; then
    swift build --package-path "$root" -c release --product hallmark >&2
    hallmark="$(swift build --package-path "$root" -c release --show-bin-path)/hallmark"
fi
for tool in python3 jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done

doc="$work/big.spdx.json"
if [[ ! -s "$doc" ]]; then
    echo "generating $doc ..." >&2
    python3 "$root/Tests/SBOMFormatsTests/Fixtures/generate-spdx.py" "$doc" --packages 3000 --files 300000
fi
size=$(stat -c %s "$doc")
echo "input: $doc ($size bytes)"

measure() { # label, output file, command... ; prints "label seconds kilobytes"
    local label=$1 out=$2
    shift 2
    /usr/bin/time -o "$work/$label.time" -f '%e %M' "$@" > "$out" 2> "$work/$label.stderr" || {
        echo "$label failed:" >&2
        cat "$work/$label.stderr" >&2
        exit 1
    }
    echo "$label $(tail -1 "$work/$label.time")"
}

# Warm the page cache so neither run pays for the first read.
cat "$doc" > /dev/null

read -r _ jq_s jq_kb < <(measure jq "$work/jq.json" jq 'del(.files)' "$doc")
read -r _ hm_s hm_kb < <(measure hallmark "$work/trim.log" "$hallmark" sbom trim "$doc" --max-size 16MiB -o "$work/trimmed.spdx.json")

printf '%-30s %8s s %10s KB\n' "jq 'del(.files)'" "$jq_s" "$jq_kb"
printf '%-30s %8s s %10s KB\n' "hallmark sbom trim" "$hm_s" "$hm_kb"
echo "trimmed size: $(stat -c %s "$work/trimmed.spdx.json") bytes"
python3 - "$jq_s" "$hm_s" "$jq_kb" "$hm_kb" <<'PY'
import sys
jq_s, hm_s, jq_kb, hm_kb = map(float, sys.argv[1:])
speed = jq_s / max(hm_s, 0.01)
memory = hm_kb / jq_kb
print(f"speed-up: {speed:.1f}x (target >= 5x) {'OK' if speed >= 5 else 'MISSED'}")
print(f"peak RSS: {memory:.3f} of jq's (target <= 0.333) {'OK' if memory <= 1/3 else 'MISSED'}")
PY
