#!/usr/bin/env bash
# Where the AppHost's start spends CPU: runs `dotnet run --no-build -c <configuration> --project CallCenter.AppHost`
# until the "CallCenter is running" summary, then prints the CPU time (user + system, with waited-for children such as
# initdb) of every process then running under the command or under DCP (which detaches), summed per program, and stops
# it all. Usage: bench/apphost/startup-cpu.sh [repo root] [configuration]; run it on existing data (after startup.sh).
set -uo pipefail
repo=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
configuration=${2:-Release}
log=$(mktemp)
start=$(date +%s.%N)
# perl restores SIGINT/SIGTERM's default action in case this script inherited them ignored.
perl -e '$SIG{INT}="DEFAULT"; $SIG{TERM}="DEFAULT"; exec @ARGV' \
  dotnet run --no-build -c "$configuration" --project "$repo/CallCenter.AppHost" > "$log" 2>&1 &
pid=$!
until grep -qs "CallCenter is running" "$log"; do
  kill -0 "$pid" 2>/dev/null || { echo "the AppHost exited before it was ready; log: $log"; exit 1; }
  sleep 0.1
done
printf 'ready after %.1f s (no build check), load average %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$pid" <<'PY'
import os, sys
root = int(sys.argv[1])
tick = os.sysconf("SC_CLK_TCK")
procs = {}
for entry in os.listdir("/proc"):
    if not entry.isdigit():
        continue
    try:
        stat = open(f"/proc/{entry}/stat").read()
        args = open(f"/proc/{entry}/cmdline").read().split("\0")
    except OSError:
        continue
    fields = stat.rsplit(")", 1)[1].split()
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    if name == "dotnet" and len(args) > 1:
        # `dotnet run --project X` wrappers and `dotnet X.dll` services share a name; the arguments tell them apart.
        name = "dotnet " + " ".join(os.path.basename(a) if "/" in a else a for a in args[1:4])
    procs[int(entry)] = (int(fields[1]), name, sum(int(x) for x in fields[11:15]))
# The command's tree, plus DCP, which runs detached (its parent is init) and starts the resources.
tree = {root} | {p for p, (_, name, _) in procs.items() if name == "dcp"}
grown = True
while grown:
    grown = False
    for p, (parent, _, _) in procs.items():
        if parent in tree and p not in tree:
            tree.add(p)
            grown = True
by_program = {}
for p in tree:
    _, name, ticks = procs[p]
    by_program[name] = by_program.get(name, 0) + ticks
print("CPU until ready: %.1f s" % (sum(by_program.values()) / tick))
print("| program | CPU (s) |\n| --- | ---: |")
for name, ticks in sorted(by_program.items(), key=lambda item: -item[1]):
    if ticks >= tick / 10:
        print("| %s | %.1f |" % (name, ticks / tick))
PY
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
