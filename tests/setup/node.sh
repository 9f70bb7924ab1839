# Sourced by tests/run.sh: installs the npm packages the card tests run under Node (official Adaptive Cards renderer
# and templating, playwright-core) into artifacts/node-cache/cards with `npm ci` from the committed lock file.
# Fast when the cache already matches the lock file. The tests do the same when the folder is missing.
cards_setup_node() {
  local here src cache
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  src="$here/tests/RecruiterBot.Cards.Tests/js"
  cache="$here/artifacts/node-cache/cards"
  command -v node > /dev/null || { echo "node.sh: node is not installed (Node.js 20+ is needed by the card tests)" >&2; return 1; }
  command -v npm > /dev/null || { echo "node.sh: npm is not installed (needed by the card tests)" >&2; return 1; }
  # The marker is written last, so an interrupted install is redone.
  if [ -d "$cache/node_modules" ] && cmp -s "$src/package-lock.json" "$cache/installed.lock.json"; then return 0; fi
  rm -rf "$cache" && mkdir -p "$cache" || return 1
  cp "$src/package.json" "$src/package-lock.json" "$cache/" || return 1
  (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error > /dev/null) || { echo "node.sh: npm ci failed in $cache" >&2; rm -rf "$cache"; return 1; }
  cp "$src/package-lock.json" "$cache/installed.lock.json"
}
cards_setup_node
