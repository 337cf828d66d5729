#!/bin/bash
# The soak's web process's managed heap, beside the soak's own RSS figures: waits for the web process of the soak
# whose work folder is $1, then records the runtime's counters (GC heap per generation after the last collection, GC
# committed memory, working set) every 60 s into $2 (CSV) until that process ends.
# Needs dotnet-counters (`dotnet tool install --tool-path <dir> dotnet-counters`; $DOTNET_COUNTERS names it if not on PATH).
# Usage: benchmarks/SoakBenchmark/heap-monitor.sh /tmp/aleppo-soak /tmp/aleppo-soak/counters.csv &
set -eu
work=${1:?work folder of the soak}
out=${2:?CSV file to write}
counters=${DOTNET_COUNTERS:-dotnet-counters}
pid=""
while [ -z "$pid" ]; do
  # "[A]" so that the pattern does not match another pgrep's own command line (which holds the pattern's text).
  pid=$(pgrep -f -- "[A]leppoDashboard.Web.dll .*--Database:Path=$work/soak.db" | head -1 || true)
  [ -n "$pid" ] || sleep 2
done
echo "web process $pid; counters into $out"
exec "$counters" collect --process-id "$pid" --format csv --refresh-interval 60 --counters System.Runtime -o "$out"
