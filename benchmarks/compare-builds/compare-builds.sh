#!/usr/bin/env bash
# Proves that a refactoring changed no behaviour: the same corpus gives the same database, table by table, and
# every page, API response and export gives the same bytes.
#
#   benchmarks/compare-builds/compare-builds.sh snapshot <out-dir> <corpus-folder>[,<second-folder>]...
#       With the build in this checkout (run `dotnet build` first): ingests each corpus folder into
#       <out-dir>/<corpus name>/dashboard.db (with ",<second-folder>", then ingests that folder into the same
#       database: changed files update their articles), starts the web app on that database (no seed ingest, no
#       warm-up) and saves the status line, content type and body of every URL in urls.txt.
#       A corpus of 1,000 files or more into an empty database takes the bulk-load path; fewer take the batch path.
#   benchmarks/compare-builds/compare-builds.sh compare <snapshot-A> <snapshot-B>
#       Compares the databases (compare_databases.py: IngestedAt and the shared-copy start time are ignored)
#       and the responses byte by byte. Exit code 0 when everything is equal.
#
# Normalised in responses: the article page's "ingested" time (<dd>yyyy-MM-dd HH:mm UTC</dd>), which is the clock
# time of the ingest run. The pages carry no antiforgery token; anything else must be equal byte for byte.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

normalise() { sed -E 's#<dd>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC</dd>#<dd>(ingest time)</dd>#g'; }

snapshot() {
  local out="$1"; shift
  mkdir -p "$out"
  for spec in "$@"; do
    local corpus="${spec%%,*}" then=""
    [ "$spec" != "$corpus" ] && then="${spec#*,}"
    local name; name="$(basename "$corpus")${then:+ then $(basename "$then")}"
    name="${name// /-}"
    local dir="$out/$name"
    rm -rf "$dir"; mkdir -p "$dir/responses"
    echo "== $name: ingest"
    dotnet run --no-build --project "$root/src/Ingest" -- ingest "$corpus" --db "$dir/dashboard.db" > "$dir/ingest.log" 2>&1 || true
    if [ -n "$then" ]; then
      dotnet run --no-build --project "$root/src/Ingest" -- ingest "$then" --db "$dir/dashboard.db" >> "$dir/ingest.log" 2>&1 || true
    fi
    sqlite3 "$dir/dashboard.db" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null
    cp "$dir/dashboard.db" "$dir/web.db"
    local port=$(( 20000 + RANDOM % 20000 ))
    echo "== $name: web app on port $port"
    Database__Path="$dir/web.db" Seeds__AutoIngest=false Caches__WarmUp=false ASPNETCORE_ENVIRONMENT=Development \
      dotnet run --no-build --no-launch-profile --project "$root/src/Web" --urls "http://127.0.0.1:$port" > "$dir/web.log" 2>&1 &
    local web=$!
    for _ in $(seq 1 120); do
      curl -s -o /dev/null "http://127.0.0.1:$port/api/map/sectors.geojson" && break
      sleep 0.5
    done
    local n=0
    : > "$dir/index.txt"
    while IFS= read -r url; do
      case "$url" in ''|'#'*) continue ;; esac
      n=$((n + 1))
      local file; file=$(printf '%03d' "$n")
      curl -s -o "$dir/responses/$file.raw" -w '%{http_code} %{content_type}\n' "http://127.0.0.1:$port$url" > "$dir/responses/$file.meta"
      normalise < "$dir/responses/$file.raw" > "$dir/responses/$file.body"; rm "$dir/responses/$file.raw"
      echo "$file $(cat "$dir/responses/$file.meta") $url" >> "$dir/index.txt"
    done < "$here/urls.txt"
    kill "$web" 2>/dev/null || true; wait "$web" 2>/dev/null || true
    echo "   $n responses saved in $dir/responses (index: $dir/index.txt)"
  done
}

compare() {
  local a="$1" b="$2" failed=0
  for dir in "$a"/*/; do
    local name; name="$(basename "$dir")"
    echo "== $name"
    if [ ! -d "$b/$name" ]; then echo "   missing in $b"; failed=1; continue; fi
    local report; report="$(python3 "$here/compare_databases.py" "$a/$name/dashboard.db" "$b/$name/dashboard.db")" || failed=1
    sed 's/^/   /' <<< "$report"
    if diff -q "$a/$name/index.txt" "$b/$name/index.txt" > /dev/null && diff -rq "$a/$name/responses" "$b/$name/responses" > /dev/null; then
      echo "   responses: EQUAL ($(wc -l < "$a/$name/index.txt") URLs, status, content type and body byte for byte)"
    else
      echo "   responses: DIFFERENT"; failed=1
      diff "$a/$name/index.txt" "$b/$name/index.txt" | sed 's/^/     /' || true
      diff -rq "$a/$name/responses" "$b/$name/responses" | sed 's/^/     /' || true
    fi
  done
  [ "$failed" -eq 0 ] && echo "ALL EQUAL" || { echo "DIFFERENCES FOUND"; return 1; }
}

case "${1:-}" in
  snapshot) shift; snapshot "$@" ;;
  compare) shift; compare "$@" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
