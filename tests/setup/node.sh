# Sourced by tests/run.sh (and run by the tests themselves when a cache is missing): installs the npm packages the
# tests run under Node into artifacts/node-cache/<name> with `npm ci` from each committed lock file:
#   cards  tests/RecruiterBot.Cards.Tests/js  the official Adaptive Cards renderer and templating, playwright-core
#   teams  tests/node-teams                   Microsoft's app manifest validator, the Microsoft 365 Agents Playground
# Fast when a cache already matches its lock file.
install_node_packages() {
  local name=$1 src=$2 cache
  cache="$RECRUITERBOT_ROOT/artifacts/node-cache/$name"
  # The marker is written last, so an interrupted install is redone.
  if [ -d "$cache/node_modules" ] && cmp -s "$src/package-lock.json" "$cache/installed.lock.json"; then return 0; fi
  rm -rf "$cache" && mkdir -p "$cache" || return 1
  cp "$src/package.json" "$src/package-lock.json" "$cache/" || return 1
  (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error > /dev/null) || { echo "node.sh: npm ci failed in $cache" >&2; rm -rf "$cache"; return 1; }
  cp "$src/package-lock.json" "$cache/installed.lock.json"
}

setup_node() {
  RECRUITERBOT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  command -v node > /dev/null || { echo "node.sh: node is not installed (Node.js 20+ is needed by the card and Teams tests)" >&2; return 1; }
  command -v npm > /dev/null || { echo "node.sh: npm is not installed (needed by the card and Teams tests)" >&2; return 1; }
  install_node_packages cards "$RECRUITERBOT_ROOT/tests/RecruiterBot.Cards.Tests/js" &&
    install_node_packages teams "$RECRUITERBOT_ROOT/tests/node-teams"
}
setup_node
