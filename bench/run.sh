#!/usr/bin/env bash
# Runs the benchmarks and writes bench/results/latest.md (table, commit, date, machine). The README copies that table.
#   bash bench/run.sh            all benchmarks, BenchmarkDotNet's short job
#   JOB=default bash bench/run.sh   the full job (slower, tighter intervals)
set -euo pipefail
cd "$(dirname "$0")/.."
JOB=${JOB:-short}
OUT=bench/results
ART=artifacts/bench
mkdir -p "$OUT" "$ART"
dotnet build bench/RecruiterBot.Benchmarks -c Release -nologo -v q
( cd "$ART" && dotnet "$OLDPWD/bench/RecruiterBot.Benchmarks/bin/Release/net10.0/RecruiterBot.Benchmarks.dll" \
    --filter '*' --job "$JOB" --inProcess --exporters github --artifacts "$PWD" ) >&2
{
  echo "# Benchmark results"
  echo
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "- job: BenchmarkDotNet $JOB"
  for report in "$ART"/results/*-report-github.md; do
    echo
    echo "### $(basename "$report" -report-github.md | sed 's/.*\.//')"
    echo
    # Keep the table, drop BenchmarkDotNet's environment block (summarised above).
    sed -n '/^|/p' "$report"
  done
} > "$OUT/latest.md"
# Copy the results into the README between its bench markers, so its figures are never typed by hand.
python3 - "$OUT/latest.md" README.md <<'PY'
import re, sys
table = open(sys.argv[1]).read().split("\n", 2)[2].strip()  # drop the "# Benchmark results" heading
readme = open(sys.argv[2]).read()
start = readme.index("<!-- bench:start")
start = readme.index("-->", start) + 3
end = readme.index("<!-- bench:end -->")
open(sys.argv[2], "w").write(readme[:start] + "\n" + table + "\n" + readme[end:])
PY
cat "$OUT/latest.md"
