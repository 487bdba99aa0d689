#!/usr/bin/env bash
# Benchmark: DSSE signing and verification of 10,000 in-toto statements with
# ECDSA P-256 on one core: Hallmark (hallmark-bench, the InToto library that
# `hallmark attest` and `verify` use) against pyca/cryptography (the library
# sigstore-python signs and verifies with) on the same statements, then
# `hallmark verify FILE --bundle` on 10,000 bundles end to end.
# Targets (issue 4): >= 5,000 signatures/s and >= 5,000 verifications/s.
#
# Usage: Benchmarks/attest.sh [COUNT] [WORKDIR]
#   HALLMARK_SCRATCH=DIR  SwiftPM scratch path for the release build (default .build)
# Needs: python3 with cryptography, openssl, taskset (util-linux).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-10000}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
scratch=(--scratch-path "${HALLMARK_SCRATCH:-$root/.build}")
swift build --package-path "$root" "${scratch[@]}" -c release --product hallmark >&2
swift build --package-path "$root" "${scratch[@]}" -c release --product hallmark-bench >&2
bin="$(swift build --package-path "$root" "${scratch[@]}" -c release --show-bin-path)"
python3 -c "import cryptography" 2>/dev/null || { echo "missing: pip install cryptography" >&2; exit 2; }

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/key.pem" 2>/dev/null
openssl pkey -in "$work/key.pem" -pubout -out "$work/pub.pem"
one_core=(taskset -c 0)

read_times() { awk '/^sign/ {s=$2} /^verify/ {v=$2} END {print s, v}' "$1"; }
"${one_core[@]}" "$bin/hallmark-bench" sign-verify "$count" "$work/key.pem" "$work/pub.pem" > "$work/hallmark.out"
"${one_core[@]}" python3 "$root/Benchmarks/dsse-peer.py" "$count" "$work/key.pem" "$work/pub.pem" > "$work/peer.out"
read -r hs hv < <(read_times "$work/hallmark.out")
read -r ps pv < <(read_times "$work/peer.out")

echo "statements: $count, ECDSA P-256, one core"
awk -v n="$count" -v hs="$hs" -v hv="$hv" -v ps="$ps" -v pv="$pv" 'BEGIN {
    printf "%-28s %10s %12s %12s\n", "", "seconds", "ops/s", "us/op"
    printf "%-28s %10.3f %12.0f %12.1f\n", "hallmark sign", hs, n / hs, hs * 1e6 / n
    printf "%-28s %10.3f %12.0f %12.1f\n", "cryptography sign", ps, n / ps, ps * 1e6 / n
    printf "%-28s %10.3f %12.0f %12.1f\n", "hallmark verify", hv, n / hv, hv * 1e6 / n
    printf "%-28s %10.3f %12.0f %12.1f\n", "cryptography verify", pv, n / pv, pv * 1e6 / n
    printf "ratio sign (cryptography/hallmark time):   %.2fx\n", ps / hs
    printf "ratio verify (cryptography/hallmark time): %.2fx\n", pv / hv
    printf "target >= 5000/s: sign %s, verify %s\n", (n / hs >= 5000 ? "met" : "MISSED"), (n / hv >= 5000 ? "met" : "MISSED")
}'

# End to end: `hallmark verify FILE --bundle` over COUNT bundles about one file.
echo "bench artifact" > "$work/artifact"
digest=$(sha256sum "$work/artifact" | cut -d' ' -f1)
"$bin/hallmark-bench" bundles "$count" "$work/key.pem" "$digest" > "$work/bundles.jsonl"
start=$(date +%s.%N)
"${one_core[@]}" "$bin/hallmark" verify "$work/artifact" --bundle "$work/bundles.jsonl" --key "$work/pub.pem" --format json > /dev/null
end=$(date +%s.%N)
awk -v n="$count" -v s="$start" -v e="$end" 'BEGIN { printf "hallmark verify --bundle (%d bundles, end to end): %.3f s, %.0f bundles/s\n", n, e - s, n / (e - s) }'
