# Installs the Node tools the Teams tests run (Microsoft's manifest validator and the Microsoft 365 Agents Playground)
# into .tools/teams-node/ from the committed tests/node-teams/package.json and package-lock.json. Idempotent: npm ci
# runs only when the lock file changed. Sourced by tests/run.sh; the Teams tests also run it when the tools are missing.
teams_node_setup() {
  local root src dest
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  src="$root/tests/node-teams"
  dest="$root/.tools/teams-node"
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm || return 1
  fi
  if [ -d "$dest/node_modules" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then return 0; fi
  rm -rf "$dest" && mkdir -p "$dest" && cp "$src/package.json" "$src/package-lock.json" "$dest/" \
    && (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)
}
teams_node_setup
