#!/usr/bin/env bash
# SBOM of a realistic Debian rootfs image (debootstrap --variant=minbase bookworm:
# ~90 packages, a real dpkg database, ~120 MB of files) with Hallmark, against
# the time of `gzip -dc` of its layer (the floor: reading the layer once), in one
# run, with peak memory. Needs: debootstrap time python3 (apt-get install -y …) and
# network access to the Debian mirror for the first run (the rootfs is cached).
#   Benchmarks/sbom.sh [RUNS]
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${HALLMARK_BENCH_CACHE:-/tmp/hallmark-bench}
for tool in debootstrap /usr/bin/time python3 gzip; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y debootstrap time python3 gzip" >&2; exit 2; }
done
mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building hallmark (release)…" >&2
(cd "$root" && swift build -c release --scratch-path "${HALLMARK_SCRATCH:-.build}" --product hallmark >/dev/null 2>&1)
hallmark="$root/${HALLMARK_SCRATCH:-.build}/release/hallmark"

if [ ! -f "$cache/debian-minbase.tar.gz" ]; then
  echo "debootstrap --variant=minbase bookworm (first run only)…" >&2
  rm -rf "$cache/rootfs"
  debootstrap --variant=minbase bookworm "$cache/rootfs" >/dev/null
  rm -rf "$cache/rootfs/var/cache/apt/archives/"*.deb "$cache/rootfs/var/lib/apt/lists/"*
  tar -C "$cache/rootfs" --exclude=./proc --exclude=./sys --exclude=./dev --numeric-owner -cf - . | gzip -6 -n > "$cache/debian-minbase.tar.gz"
fi
cp "$cache/debian-minbase.tar.gz" "$work/layer.tar.gz"
python3 "$root/Benchmarks/make-layout.py" "$work/layout" debian amd64 "$work/layer.tar.gz"
layer=$(ls -S "$work/layout/blobs/sha256" | head -1)

measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}
declare -a g_t h_t h_m
for _ in $(seq "$runs"); do
  read -r t _ < <(measure gzip -dc "$work/layout/blobs/sha256/$layer"); g_t+=("$t")
  read -r t m < <(measure "$hallmark" sbom "oci-dir:$work/layout:debian" -o "spdx-json=$work/sbom.spdx.json"); h_t+=("$t"); h_m+=("$m")
done
packages=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["packages"]))' "$work/sbom.spdx.json")
dpkg_count=$(grep -c '^Status: install ok installed' "$cache/rootfs/var/lib/dpkg/status" 2>/dev/null || echo "?")
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
gt=$(median "${g_t[@]}"); ht=$(median "${h_t[@]}"); hm=$(median "${h_m[@]}")
echo "layer: $(du -h "$work/layout/blobs/sha256/$layer" | cut -f1) gz; SPDX packages: $packages (dpkg installed: $dpkg_count); $runs runs"
printf '%-22s %6s s   runs: %s\n' "gzip -dc" "$gt" "${g_t[*]}"
printf '%-22s %6s s   runs: %s   peak RSS %s MB\n' "hallmark sbom" "$ht" "${h_t[*]}" "$((hm / 1024))"
awk -v h="$ht" -v g="$gt" -v m="$hm" 'BEGIN { printf "hallmark / gzip -dc: %.2fx (target <= 1.5x); peak memory %.1f MB (target <= 150 MB)\n", h/g, m/1024 }'
