#!/usr/bin/env bash
# Runs every test of AleppoDashboard, browser tests included, and ends with "N passed, N failed".
# On a fresh Debian machine run as root it first installs what the tests need (Chromium; Node.js/npm
# for the front-end libraries the build copies from npm; PostgreSQL for the tests on that provider).
set -uo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need_apt[*]} from Debian's packages..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null \
      || { echo "Could not install ${need_apt[*]}."; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing ${need_apt[*]}: install with 'sudo apt-get install ${need_apt[*]}' (or set CHROMIUM_PATH), then run ./test.sh again."
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

results=$(mktemp -d)
# A real PostgreSQL server for the tests that run on both providers: Debian's postgresql (installed when missing),
# a fresh cluster in a temporary folder owned by an unprivileged user, on a free loopback port; stopped at the end.
# If it cannot start, those tests fail (they start it again themselves, and say why not).
pg_folder="/tmp/aleppo-pg-$$-$RANDOM"
trap 'bash tests/postgres/test-server.sh stop "$pg_folder"; rm -rf "$results"' EXIT
if pg_connection=$(bash tests/postgres/test-server.sh start "$pg_folder"); then
  export ALEPPO_TEST_POSTGRES="$pg_connection"
else
  echo "PostgreSQL did not start for the tests: the PostgreSQL tests will fail."
fi

if ! dotnet build AleppoDashboard.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test AleppoDashboard.sln --no-build -nologo --results-directory "$results" --logger "trx" 2>&1 \
  | grep -Ev '^\s*$|^Test run for|^A total of|^Results File|VSTest version|^Starting test execution|^Total tests|Passed!|Failed!'
status=${PIPESTATUS[0]}

# The browser suite a second time with its apps on the PostgreSQL server (tests/Browser.Tests/BrowserApp.cs): the same
# pages, filters, searches, exports and articles, clicked in Chromium on the other provider. Its results are counted too.
echo "Browser tests on PostgreSQL:"
ALEPPO_BROWSER_PROVIDER=postgres dotnet test tests/Browser.Tests/Browser.Tests.csproj --no-build -nologo \
    --results-directory "$results/postgres" --logger "trx" 2>&1 \
  | grep -Ev '^\s*$|^Test run for|^A total of|^Results File|VSTest version|^Starting test execution|^Total tests|Passed!|Failed!'
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

# Count from the trx result files: one per test assembly.
passed=0; failed=0
for trx in "$results"/*.trx "$results"/postgres/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "No test ran."; failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
