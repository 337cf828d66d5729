#!/usr/bin/env bash
# Repeated-URL throughput of each page against Kestrel serving the same bytes as a static file, in the same run
# (issue 18). Starts the Release web app on a benchmark database, saves each page's body under wwwroot/perf-static/
# (removed at the end), then alternates wrk on the page and on its static copy. Needs Debian's wrk.
# Usage: benchmarks/throughput/wrk-pages.sh <database> [seconds per run, default 10] [rounds, default 2]
#        <database> is a SQLite file, or the word postgres: the PostgreSQL database whose connection string is in
#        Database__ConnectionString (the web app's own key, read from the environment, never from the command line).
set -euo pipefail
db=${1:?usage: wrk-pages.sh <database|postgres> [seconds] [rounds]}
seconds=${2:-10}
rounds=${3:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
web="$root/src/Web"
port=${WRK_PORT:-5187}
static="$web/wwwroot/perf-static"
mkdir -p "$static"
cd "$web"
if [ "$db" = postgres ]; then
  [ -n "${Database__ConnectionString:-}" ] || { echo "postgres: set Database__ConnectionString" >&2; exit 1; }
  database_args=(--Database:Provider=postgres)
else
  database_args=("--Database:Path=$db")
fi
dotnet bin/Release/net10.0/AleppoDashboard.Web.dll --urls "http://127.0.0.1:$port" "${database_args[@]}" \
  --Seeds:AutoIngest=false --Map:TileUrl= --Logging:LogLevel:Default=Warning > /tmp/wrk-pages-web.log 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; rm -rf "$static"; }
trap cleanup EXIT
until curl -sf "http://127.0.0.1:$port/favicon.svg" > /dev/null; do sleep 1; done
# The warm-up of the unfiltered views, then each URL once so its caches are filled.
until grep -q "Warmed the unfiltered views" /tmp/wrk-pages-web.log 2>/dev/null || [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/map")" = 200 ]; do sleep 2; done
paths=("/" "/articles" "/map" "/control" "/compare")
names=(overview articles map control compare)
for i in "${!paths[@]}"; do
  curl -sf "http://127.0.0.1:$port${paths[$i]}" -o "$static/${names[$i]}.html"
  curl -sf "http://127.0.0.1:$port${paths[$i]}" -o /dev/null
done
echo "database: $([ "$db" = postgres ] && echo PostgreSQL || echo "SQLite $db"); load before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %T') UTC; wrk -t2 -c8 -d${seconds}s, $rounds alternating rounds"
echo "| page | bytes | page req/s | static req/s | ratio |"
echo "| --- | ---: | ---: | ---: | ---: |"
rate() { wrk -t2 -c8 -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
for i in "${!paths[@]}"; do
  page_total=0; static_total=0
  for _ in $(seq "$rounds"); do
    p=$(rate "http://127.0.0.1:$port${paths[$i]}"); s=$(rate "http://127.0.0.1:$port/perf-static/${names[$i]}.html")
    page_total=$(echo "$page_total + $p" | bc); static_total=$(echo "$static_total + $s" | bc)
  done
  bytes=$(stat -c %s "$static/${names[$i]}.html")
  echo "| \`${paths[$i]}\` | $bytes | $(echo "scale=0; $page_total / $rounds" | bc) | $(echo "scale=0; $static_total / $rounds" | bc) | $(echo "scale=2; $page_total / $static_total" | bc) |"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
