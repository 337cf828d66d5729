#!/bin/bash
# What the soak's web process's memory is made of, every 30 s (PERFORMANCE.md, "Soak memory: the native heap and the
# GC"): VmRSS and its anonymous, file and shared (the runtime's double-mapped code) parts from /proc/<pid>/status, and
# the resident size of glibc's malloc arenas (the [heap] and the anonymous mappings that start on a 64 MB boundary) from
# /proc/<pid>/smaps, so that native memory is told from the GC's (approximate: a GC region that happens to start on a
# 64 MB boundary is counted too; read it beside the GC's committed memory from the counters). Runs dotnet-counters beside it when $DOTNET_COUNTERS
# names it (the GC heap per generation and its committed memory).
# Usage: benchmarks/SoakBenchmark/memory-sampler.sh /tmp/aleppo-soak /tmp/aleppo-soak/memory &
set -u
work=${1:?work folder of the soak}
out=${2:?folder for memory.log (and counters.csv)}
mkdir -p "$out"
pid=""
while [ -z "$pid" ]; do
  pid=$(pgrep -f -- "[A]leppoDashboard.Web.dll .*--Database:Path=$work/soak.db" | head -1 || true)
  [ -n "$pid" ] || sleep 2
done
if [ -n "${DOTNET_COUNTERS:-}" ]; then
  "$DOTNET_COUNTERS" collect --process-id "$pid" --format csv --refresh-interval 30 --counters System.Runtime -o "$out/counters.csv" >/dev/null 2>&1 &
fi
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  status=$(grep -E '^(VmRSS|RssAnon|RssFile|RssShmem|Threads):' "/proc/$pid/status" | awk '{printf "%s%s ", $1, $2}')
  arenas=$(awk '/^[0-9a-f]+-[0-9a-f]+ /{ split($1, r, "-"); path = $6; arena = (path == "[heap]") || (path == "" && substr(r[1], length(r[1]) - 6) ~ /^[048c]000000$/) }
                /^Rss:/ { if (arena) kb += $2 } END { printf "%d", kb / 1024 }' "/proc/$pid/smaps")
  echo "$(( $(date +%s) - start )) s $(date -u +%H:%M:%S) ${status}malloc-arenas-MB:$arenas load:$(cut -d' ' -f1 /proc/loadavg)" >> "$out/memory.log"
  sleep 30
done
