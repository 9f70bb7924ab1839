# Headless Chromium for the browser tests (Debian's package; Playwright drives it, never downloads a browser). Idempotent.
[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
