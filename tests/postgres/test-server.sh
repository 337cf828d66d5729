#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests.
#   test-server.sh start <folder>   installs Debian's postgresql when missing (as root), initdb's a cluster into
#                                   <folder>/data as an unprivileged user, starts it on a free loopback port and prints
#                                   the superuser's connection string (also written to <folder>/connection)
#   test-server.sh stop <folder>    stops that server and removes <folder>
#   test-server.sh halt <folder>    stops that server at once (pg_ctl -m immediate: as a crash or a power cut would), keeping
#                                   its data; for the failure tests, which run their own server
#   test-server.sh resume <folder>  starts a halted server again on its port (it recovers from its write-ahead log)
# The cluster takes only loopback TCP with a password (scram-sha-256) and a socket inside <folder>. fsync is off
# (tests need no durability) unless ALEPPO_PG_FSYNC=on (the corpus benchmark sets it). shared_buffers is 128MB unless
# ALEPPO_PG_SHARED_BUFFERS says otherwise (the corpus benchmark gives 2GB: a 100,000-article database's sentences alone
# are 873 MB, and a search reads most of their pages).
set -euo pipefail

command=${1:-}; folder=${2:-}
[ -n "$command" ] && [ -n "$folder" ] || { echo "usage: $0 start|stop <folder>" >&2; exit 1; }

bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

# Runs a command as the cluster's owner: the 'postgres' user when we are root (initdb refuses root), else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

case "$command" in
start)
  if ! bin=$(bin_dir); then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing Debian's postgresql..." >&2
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } >&2 \
        || { echo "could not install postgresql" >&2; exit 1; }
      bin=$(bin_dir) || { echo "postgresql installed but initdb not found" >&2; exit 1; }
    else
      echo "PostgreSQL is missing: install it with 'sudo apt-get install postgresql'." >&2; exit 1
    fi
  fi
  owner=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    owner=postgres
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  mkdir -p "$folder"
  folder=$(cd "$folder" && pwd)
  password=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')
  printf '%s\n' "$password" > "$folder/pwfile"
  mkdir -p "$folder/data" "$folder/socket"
  if [ "$(id -u)" = 0 ]; then chown -R "$owner" "$folder"; chmod 700 "$folder"; fi
  as_owner "$bin/initdb" -D "$folder/data" -U aleppo --pwfile="$folder/pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; exit 1; }
  rm -f "$folder/pwfile"
  # A free port: the first one from a random start that nothing answers on, and that the server then binds.
  for attempt in $(seq 1 20); do
    port=$(( 20000 + (RANDOM * 7 + attempt) % 30000 ))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-p $port -k $folder/socket -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${ALEPPO_PG_FSYNC:-off} -c shared_buffers=${ALEPPO_PG_SHARED_BUFFERS:-128MB}" \
        start >/dev/null 2>&1; then
      connection="Host=127.0.0.1;Port=$port;Username=aleppo;Password=$password;Database=postgres"
      printf '%s\n' "$connection" > "$folder/connection"
      printf '%s\n' "$bin" > "$folder/bin"
      printf '%s\n' "$port" > "$folder/port"
      chmod 600 "$folder/connection"
      echo "$connection"
      exit 0
    fi
  done
  echo "PostgreSQL did not start:" >&2; tail -20 "$folder/server.log" >&2 || true
  exit 1
  ;;
halt)
  owner=postgres; [ "$(id -u)" = 0 ] || owner=$(id -un)
  as_owner "$(cat "$folder/bin")/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null
  ;;
resume)
  owner=postgres; [ "$(id -u)" = 0 ] || owner=$(id -un)
  port=$(cat "$folder/port")
  as_owner "$(cat "$folder/bin")/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-p $port -k $folder/socket -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${ALEPPO_PG_FSYNC:-off} -c shared_buffers=${ALEPPO_PG_SHARED_BUFFERS:-128MB}" \
    start >/dev/null || { tail -20 "$folder/server.log" >&2; exit 1; }
  ;;
stop)
  [ -d "$folder" ] || exit 0
  owner=postgres; [ "$(id -u)" = 0 ] || owner=$(id -un)
  if [ -f "$folder/bin" ] && [ -f "$folder/data/postmaster.pid" ]; then
    as_owner "$(cat "$folder/bin")/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
  ;;
*)
  echo "usage: $0 start|stop|halt|resume <folder>" >&2; exit 1
  ;;
esac
