#!/usr/bin/env bash
# Runs every benchmark and writes bench/results/latest.md (commit, date, machine, tables); the README copies it.
#   bash bench/run.sh                  BenchmarkDotNet (short job) + HTTP + memory + cold start, about 10 minutes
#   BENCH_QUICK=1 bash bench/run.sh    a smoke run: short runs, 10,000 requests for memory, one cold start each
#   JOB=default bash bench/run.sh      BenchmarkDotNet's full job (slower, tighter intervals)
#   BENCH_SKIP=cold,memory bash bench/run.sh   leave parts of the HTTP bench out (http, memory, cold)
set -euo pipefail
cd "$(dirname "$0")/.."
JOB=${JOB:-short}
OUT=bench/results
ART=artifacts/bench
mkdir -p "$OUT" "$ART"
rm -rf "$ART/results" "$ART/http"

# 1. BenchmarkDotNet, in process: matching, resume read scaling, card binding (allocations included).
dotnet build bench/RecruiterBot.Benchmarks -c Release -nologo -v q
BDN_ARGS=(--filter '*' --job "$JOB" --inProcess --exporters github csv --artifacts "$PWD/$ART")
if [[ -n "${BENCH_QUICK:-}" ]]; then BDN_ARGS=(--filter '*' --job dry --inProcess --exporters github csv --artifacts "$PWD/$ART"); fi
( cd "$ART" && dotnet "$OLDPWD/bench/RecruiterBot.Benchmarks/bin/Release/net10.0/RecruiterBot.Benchmarks.dll" "${BDN_ARGS[@]}" ) >&2

# 2. HTTP, memory and cold start: Release builds as real processes. The host is published ReadyToRun (framework-dependent),
# as it would be deployed; `dotnet run --no-build -c Release` needs its Release build.
R2R=(-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v q)
dotnet publish src/RecruiterBot.Host "${R2R[@]}" -o "$ART/host"
dotnet publish bench/RecruiterBot.Baseline "${R2R[@]}" -o "$ART/baseline"
dotnet build src/RecruiterBot.Host -c Release -nologo -v q
dotnet build bench/RecruiterBot.HttpBench -c Release -nologo -v q
HTTP_ARGS=(--host-dir "$ART/host" --baseline-dir "$ART/baseline" --repo . --out "$ART/http/http.md" --artifacts "$ART/http"
           --bdn-results "$ART/results")
if [[ -n "${BENCH_QUICK:-}" ]]; then HTTP_ARGS+=(--quick); fi
if [[ -n "${BENCH_SKIP:-}" ]]; then HTTP_ARGS+=(--skip "$BENCH_SKIP"); fi
mkdir -p "$ART/http"
dotnet bench/RecruiterBot.HttpBench/bin/Release/net10.0/RecruiterBot.HttpBench.dll "${HTTP_ARGS[@]}"

{
  echo "# Benchmark results"
  echo
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ':!README.md' ':!bench/results' 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "- load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg) (above $(nproc): other work was running on the machine)"
  echo "- BenchmarkDotNet job: $([[ -n "${BENCH_QUICK:-}" ]] && echo 'dry (smoke run)' || echo "$JOB")$([[ -n "${BENCH_QUICK:-}" ]] && echo '; HTTP bench: quick (smoke run)' || true)"
  echo
  echo "## Core: BenchmarkDotNet (in process, allocations per operation)"
  for report in "$ART"/results/*-report-github.md; do
    echo
    echo "### $(basename "$report" -report-github.md | sed 's/.*\.//')"
    echo
    # Keep the table, drop BenchmarkDotNet's environment block (summarised above).
    sed -n '/^|/p' "$report"
  done
  echo
  cat "$ART/http/http.md"
} > "$OUT/latest.md"
# Copy the results into the README between its bench markers, so its figures are never typed by hand.
python3 - "$OUT/latest.md" README.md <<'PY'
import sys
table = open(sys.argv[1]).read().split("\n", 2)[2].strip()  # drop the "# Benchmark results" heading
table = table.replace("\n### ", "\n#### ").replace("\n## ", "\n### ")  # nest under the README's "## Benchmarks"
readme = open(sys.argv[2]).read()
start = readme.index("<!-- bench:start")
start = readme.index("-->", start) + 3
end = readme.index("<!-- bench:end -->")
open(sys.argv[2], "w").write(readme[:start] + "\n" + table + "\n" + readme[end:])
PY
cat "$OUT/latest.md"
