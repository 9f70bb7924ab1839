# Sourced by tests/run.sh: the card tests and the web chat browser tests run in headless Chromium (Debian's package, never `playwright install`).
# Idempotent: does nothing when /usr/bin/chromium is already there.
if [ ! -x /usr/bin/chromium ]; then
  if ! command -v apt-get > /dev/null; then
    echo "chromium.sh: /usr/bin/chromium is missing and apt-get is not available; install Chromium by hand" >&2
    return 1
  fi
  echo "chromium.sh: installing chromium with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq > /dev/null || return 1
  apt-get install -y -qq --no-install-recommends chromium > /dev/null || return 1
fi
[ -x /usr/bin/chromium ] || { echo "chromium.sh: /usr/bin/chromium still missing after install" >&2; return 1; }
