#!/bin/bash
# First requests of two builds side by side (issue 18): both web apps on one database, each URL requested once per
# app, the order of the two alternated URL by URL, so that a load that swings (other processes on the machine) falls
# on both alike. Exports are timed to their first byte, pages to their last.
# Usage: ab.sh <base checkout, built -c Release> <new checkout, built -c Release> <database.db> <urls.txt>
# Prints: URL, base seconds, new seconds, 1-minute load average.
set -euo pipefail
BASE=$1 NEW=$2 DB=$3 URLS=$4
LOGS=$(mktemp -d)
# exec: the pid kept is the web app's own, not a subshell's.
start() { (cd "$1/src/Web" && exec dotnet bin/Release/net10.0/AleppoDashboard.Web.dll --urls "http://127.0.0.1:$2" --Database:Path="$DB" \
  --Seeds:AutoIngest=false --Map:TileUrl= > "$LOGS/web-$2.log" 2>&1) & echo $! > "$LOGS/web-$2.pid"; }
start "$BASE" 5931
start "$NEW" 5932
trap 'kill $(cat "$LOGS/web-5931.pid") $(cat "$LOGS/web-5932.pid") 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  sleep 2
  grep -q Warmed "$LOGS/web-5931.log" && grep -q Warmed "$LOGS/web-5932.log" && break
done
sleep 3
t() { local f=time_total; [[ $2 == /export/* ]] && f=time_starttransfer; curl -s -o /dev/null -w "%{$f}" "http://127.0.0.1:$1$2"; }
n=0
while read -r url; do
  [ -z "$url" ] && continue
  n=$((n + 1))
  if (( n % 2 )); then a=$(t 5931 "$url"); b=$(t 5932 "$url"); else b=$(t 5932 "$url"); a=$(t 5931 "$url"); fi
  echo "$url $a $b $(cut -d' ' -f1 /proc/loadavg)"
done < "$URLS"
