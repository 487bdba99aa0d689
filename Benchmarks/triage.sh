#!/usr/bin/env bash
# Benchmark: `hallmark triage` of a large raw GitHub Actions log (timestamps, ANSI colours,
# MB of build output, one real failure excerpt from ../shared/testdata/ci-logs buried near
# the end) against `grep -i -E -f` with every pattern of the same knowledge base: the
# baseline any script would use, which only finds lines, with no ranking or advice.
#   Benchmarks/triage.sh [MEGABYTES]   (default 20)
#   HALLMARK_SCRATCH=DIR  SwiftPM scratch path for the release build (default .build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
megabytes=${1:-20}
logs="$root/../shared/testdata/ci-logs"
[ -d "$logs" ] || { echo "missing $logs (../shared beside the repository)" >&2; exit 2; }
scratch="${HALLMARK_SCRATCH:-$root/.build}"
swift build --package-path "$root" --scratch-path "$scratch" -c release --product hallmark >&2
hallmark="$(swift build --package-path "$root" --scratch-path "$scratch" -c release --show-bin-path)/hallmark"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$megabytes" "$logs/oidc-token__actions__attest-build-provenance__issue156.txt" "$work/big.log" "$root/Sources/Doctor/Resources/triage-knowledge.json" "$work/patterns.txt" <<'PY'
import json, sys
megabytes, excerpt, out, knowledge, patterns = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
failure = open(excerpt, encoding="utf-8").read().split("\n")[1:]
with open(out, "w") as f:
    i = 0
    while f.tell() < megabytes * 1000000:
        f.write(f"2026-01-05T10:{i // 60 % 60:02d}:{i % 60:02d}.1234567Z #{i % 97} [build 3/7] RUN apt-get install -y package-{i} \x1b[36mDone\x1b[0m\n")
        i += 1
        if i == 9 * (megabytes * 1000000 // 110) // 10:
            f.writelines(f"2026-01-05T10:59:59.0000000Z {line}\n" for line in failure)
with open(patterns, "w") as f:
    for category in json.load(open(knowledge))["categories"]:
        f.writelines(p + "\n" for p in category["patterns"])
PY
seconds() { local start=$(date +%s.%N); "$@" > "$work/out" 2>&1 || true; echo "$(date +%s.%N) - $start" | bc; }
hallmark_time=$(seconds "$hallmark" triage "$work/big.log" --format json)
category=$(python3 -c "import json; d=json.load(open('$work/out')); print(d[0]['category'] if d else 'none')")
grep_time=$(seconds grep -c -i -E -f "$work/patterns.txt" "$work/big.log")
grep_lines=$(cat "$work/out")
size=$(stat -c %s "$work/big.log")
printf "log: %d bytes; hallmark triage: %.3f s, first category %s; grep -i -E -f: %.3f s, %s matching lines; ratio %.1fx\n" \
  "$size" "$hallmark_time" "$category" "$grep_time" "$grep_lines" "$(echo "$grep_time / $hallmark_time" | bc -l)"
