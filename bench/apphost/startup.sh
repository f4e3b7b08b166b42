#!/usr/bin/env bash
# Measures the AppHost the way a user runs it: `dotnet run --project CallCenter.AppHost` (build check included)
# until the "CallCenter is running" summary, then SIGTERM until the command has exited and every process it
# started is gone. Usage: bench/apphost/startup.sh [repo root] [runs] [configuration]; the first run starts on fresh
# data. The configuration defaults to dotnet run's (Debug); pass Release to reuse the test build.
set -uo pipefail
repo=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
runs=${2:-2}
configuration=${3:-Debug}
log=$(mktemp -d)
now() { date +%s.%N; }
descendants() {
  local all; all=$(ps -e -o pid=,ppid=)
  local list=$1 frontier=$1 next
  while [ -n "$frontier" ]; do
    next=$(echo "$all" | awk -v f=" $frontier " 'index(f, " " $2 " ") { print $1 }' | tr '\n' ' ')
    list="$list $next"; frontier=$(echo $next)
  done
  echo "$list"
}
alive() { for p in "$@"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
printf '| run | data | load average at start | ready (s) | stopped (s) |\n| ---: | --- | --- | ---: | ---: |\n'
for run in $(seq 1 "$runs"); do
  data=existing
  if [ "$run" -eq 1 ]; then rm -rf "$repo/.callcenter"; data=fresh; fi
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(now)
  # perl restores SIGINT/SIGTERM's default action in case this script inherited them ignored.
  perl -e '$SIG{INT}="DEFAULT"; $SIG{TERM}="DEFAULT"; exec @ARGV' \
    dotnet run -c "$configuration" --project "$repo/CallCenter.AppHost" > "$log/run$run.log" 2>&1 &
  pid=$!
  ready=""
  while kill -0 "$pid" 2>/dev/null; do
    if grep -qs "CallCenter is running" "$log/run$run.log"; then ready=$(now); break; fi
    sleep 0.2
  done
  if [ -z "$ready" ]; then echo "run $run: the AppHost exited before it was ready; log: $log/run$run.log"; exit 1; fi
  tree=$(descendants "$pid")
  stop=$(now)
  kill -TERM "$pid"
  # Stopped means every process that was running under the command at "ready" is gone (DCP, the servers, the
  # services), not only the command itself.
  while alive $tree; do sleep 0.1; done
  stopped=$(now)
  printf '| %d | %s | %s | %.1f | %.1f |\n' "$run" "$data" "$load" "$(echo "$ready - $start" | bc)" "$(echo "$stopped - $stop" | bc)"
  sleep 5
done
echo "logs: $log"
