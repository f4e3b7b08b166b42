#!/usr/bin/env bash
# The test command (README and .ci/run): installs what is missing, builds with warnings as errors,
# runs every test project against real servers, proves no server process was left behind, and ends
# with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
results="$repo/TestResults"
rm -rf "$results"
mkdir -p "$results"

# --containers: podman and the local base images, so that the container tests run instead of being skipped.
# CALLCENTER_CONTAINERS=0 leaves them out (the tests then say why they skipped).
prereq_args=()
[ "${CALLCENTER_CONTAINERS:-1}" = "0" ] || prereq_args+=(--containers)
if [ "$(id -u)" -eq 0 ]; then
  bash eng/install-prereqs.sh "${prereq_args[@]}" || exit 1
else
  sudo bash eng/install-prereqs.sh "${prereq_args[@]}" || exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CALLCENTER_PID_REGISTRY="$results/pids"
export CALLCENTER_TEST_LOG="$results/servers.log"
export CALLCENTER_REPO_ROOT="$repo"

echo "== build"
if ! dotnet build CallCenter.sln -c Release -warnaserror -nologo -clp:ErrorsOnly; then
  echo "tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

echo "== test"
dotnet test CallCenter.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 15m -- RunConfiguration.TestSessionTimeout=3000000
test_exit=$?

# The console's own unit tests; the API build ran npm ci, so vitest is in its node_modules.
echo "== console unit tests (vitest)"
console_junit="$results/console-vitest.xml"
(cd src/CallCenter.Console && npx --no-install vitest run --reporter=default --reporter=junit --outputFile.junit="$console_junit")
console_exit=$?

echo "== real servers this run started"
grep -E "\] ready \(" "$CALLCENTER_TEST_LOG" 2>/dev/null | sed -E 's/^[0-9:.]+ //' | sort | uniq -c || echo "(none)"

leftover=0
if [ -d "$CALLCENTER_PID_REGISTRY" ]; then
  for entry in "$CALLCENTER_PID_REGISTRY"/*; do
    [ -e "$entry" ] || continue
    pid=$(basename "$entry")
    if kill -0 "$pid" 2>/dev/null; then
      echo "LEFT RUNNING: pid $pid ($(cat "$entry")); stopping it"
      kill -9 "$pid" 2>/dev/null || true
      leftover=$((leftover + 1))
    fi
  done
fi
[ "$leftover" -eq 0 ] && echo "== no server process left running"

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  other=$(( $(get error) + $(get timeout) + $(get aborted) ))
  passed=$((passed + p))
  failed=$((failed + f + other))
  skipped=$((skipped + total - executed))
done
if [ -e "$console_junit" ]; then
  suites=$(grep -o '<testsuites [^>]*>' "$console_junit" | head -1)
  attr() { echo "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  c_total=$(attr "$suites" tests)
  c_failed=$(( $(attr "$suites" failures) + $(attr "$suites" errors) ))
  c_skipped=0
  while read -r suite; do c_skipped=$((c_skipped + $(attr "$suite" skipped))); done < <(grep -o '<testsuite [^>]*>' "$console_junit")
  passed=$((passed + c_total - c_failed - c_skipped))
  failed=$((failed + c_failed))
  skipped=$((skipped + c_skipped))
  [ "$console_exit" -ne 0 ] && [ "$c_failed" -eq 0 ] && failed=$((failed + 1))
elif [ "$console_exit" -ne 0 ]; then
  failed=$((failed + 1))
fi
failed=$((failed + leftover))
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed without a failed test (crash, hang, no result file): count it.
  failed=1
fi

# Name what failed next to the count: CI keeps only the tail of this output.
python3 eng/failed-tests.py "$results" || true
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
