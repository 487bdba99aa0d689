#!/usr/bin/env bash
# Copies a ~200 MB single-layer image layout to a fresh local registry with
# Hallmark and with `skopeo copy`, in one run, and prints wall time, peak memory
# and the ratios. Needs: docker-registry skopeo openssl time (apt-get install -y …).
#   Benchmarks/copy.sh [RUNS]
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
for tool in docker-registry skopeo openssl /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y docker-registry skopeo openssl time python3" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'kill "${reg_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

echo "building hallmark (release)…" >&2
(cd "$root" && swift build -c release --scratch-path "${HALLMARK_SCRATCH:-.build}" --product hallmark >/dev/null)
hallmark="$root/${HALLMARK_SCRATCH:-.build}/release/hallmark"

echo "making a 200 MiB single-layer image layout…" >&2
mkdir -p "$work/rootfs"
{ openssl enc -aes-256-ctr -nosalt -pass pass:hallmark -in /dev/zero 2>/dev/null || true; } | head -c $((200 * 1024 * 1024)) > "$work/rootfs/big.bin"
tar -C "$work/rootfs" --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$work/layer.tar" big.bin
gzip -1 -n -c "$work/layer.tar" > "$work/layer.tar.gz"
python3 "$root/Benchmarks/make-layout.py" "$work/layout" big amd64 "$work/layer.tar.gz"
rm -f "$work/layer.tar"
size=$(du -sb "$work/layout" | cut -f1)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_registry() {
  rm -rf "$work/storage"; mkdir -p "$work/storage"
  REGISTRY_HTTP_ADDR=127.0.0.1:$port REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY="$work/storage" \
    REGISTRY_HTTP_SECRET=bench REGISTRY_LOG_LEVEL=error docker-registry serve /dev/stdin >/dev/null 2>&1 <<'YML' &
version: 0.1
storage: {filesystem: {rootdirectory: /tmp}, delete: {enabled: true}, maintenance: {uploadpurging: {enabled: false}}}
http: {addr: 127.0.0.1:5000}
YML
  reg_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && return; sleep 0.05; done
  echo "registry did not start" >&2; exit 3
}
stop_registry() { kill "$reg_pid"; wait "$reg_pid" 2>/dev/null || true; }

# measure NAME CMD…: prints "seconds maxrss_kb"
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}

declare -a h_t h_m s_t s_m
for i in $(seq "$runs"); do
  start_registry
  read -r t m < <(measure skopeo copy --preserve-digests --dest-tls-verify=false "oci:$work/layout:big" "docker://127.0.0.1:$port/bench/skopeo:big")
  s_t+=("$t"); s_m+=("$m"); stop_registry
  start_registry
  read -r t m < <(measure "$hallmark" copy "oci-dir:$work/layout:big" "127.0.0.1:$port/bench/hallmark:big")
  h_t+=("$t"); h_m+=("$m"); stop_registry
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ht=$(median "${h_t[@]}"); st=$(median "${s_t[@]}"); hm=$(median "${h_m[@]}"); sm=$(median "${s_m[@]}")
echo "layout: $((size / 1024 / 1024)) MiB, $runs runs each, cold registry every run"
printf '%-10s %8s s  %8s MB peak RSS   runs: %s\n' hallmark "$ht" "$((hm / 1024))" "${h_t[*]}"
printf '%-10s %8s s  %8s MB peak RSS   runs: %s\n' skopeo "$st" "$((sm / 1024))" "${s_t[*]}"
awk -v h="$ht" -v s="$st" -v hm="$hm" -v sm="$sm" 'BEGIN { printf "time ratio skopeo/hallmark: %.2fx (>= 1 means hallmark is faster)\nmemory ratio skopeo/hallmark: %.2fx; hallmark peak %.1f MB (target < 64 MB)\n", s/h, sm/hm, hm/1024 }'
