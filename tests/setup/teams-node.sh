# Sourced by tests/run.sh: installs the npm packages the Teams tests run under Node (Microsoft's app manifest validator,
# the Microsoft 365 Agents Playground) into artifacts/node-cache/teams with `npm ci` from the committed lock file in
# tests/node-teams/. Fast when the cache already matches the lock file. The tests run this script when it is missing.
teams_setup_node() {
  local here src cache
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  src="$here/tests/node-teams"
  cache="$here/artifacts/node-cache/teams"
  command -v node > /dev/null || { echo "teams-node.sh: node is not installed (Node.js 20+ is needed by the Teams tests)" >&2; return 1; }
  command -v npm > /dev/null || { echo "teams-node.sh: npm is not installed (needed by the Teams tests)" >&2; return 1; }
  # The marker is written last, so an interrupted install is redone.
  if [ -d "$cache/node_modules" ] && cmp -s "$src/package-lock.json" "$cache/installed.lock.json"; then return 0; fi
  rm -rf "$cache" && mkdir -p "$cache" || return 1
  cp "$src/package.json" "$src/package-lock.json" "$cache/" || return 1
  (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error > /dev/null) || { echo "teams-node.sh: npm ci failed in $cache" >&2; rm -rf "$cache"; return 1; }
  cp "$src/package-lock.json" "$cache/installed.lock.json"
}
teams_setup_node
