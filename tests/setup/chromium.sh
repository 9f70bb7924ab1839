# Chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
