#!/usr/bin/env bash
# The test command (README, .ci/run): installs and starts what the tests need, runs every test project,
# and ends with one line "N passed, N failed[, N skipped]" computed from the test results.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

log() { printf '[tests] %s\n' "$*" >&2; }

# --- set-up: every tool a test needs is installed here, never by hand -------------------------------
for setup in "$ROOT"/tests/setup/*.sh; do
  [ -e "$setup" ] || continue
  log "set-up: $(basename "$setup")"
  # shellcheck source=/dev/null
  if ! source "$setup"; then log "set-up failed: $(basename "$setup")"; echo "0 passed, 1 failed"; exit 1; fi
done

# --- run ------------------------------------------------------------------------------------------------
log "building"
if ! dotnet build RecruiterBot.sln -c Release -nologo -v q > "$RESULTS/build.log" 2>&1; then
  grep -E 'error|Error' "$RESULTS/build.log" | sort -u | head -n 40 >&2
  log "build failed (full log: $RESULTS/build.log)"; echo "0 passed, 1 failed"; exit 1
fi

status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  log "running $name"
  dotnet test "$proj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" || status=1
done

# --- count ----------------------------------------------------------------------------------------------
passed=0; failed=0; skipped=0; files=0
for trx in "$RESULTS"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); x=$(get executed)
  passed=$((passed + p)); failed=$((failed + f + e + t)); skipped=$((skipped + total - x))
done
[ "$files" -eq 0 ] && { log "no test results were written"; failed=$((failed + 1)); status=1; }
[ "$failed" -gt 0 ] && status=1
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status
