#!/usr/bin/env bash
# The read-along player in headless Chromium (Debian's chromium + chromium-driver, Selenium and
# axe-core from PyPI): narrates the README's demo article with the given binary, makes the site
# with `edition site`, serves it with byte ranges on a loopback port, and runs
# Tests/Browser/test_player.py against it. Screenshots (desktop and 320 px) go to
# Benchmarks/output/ for a person to look at. About a minute.
# Usage: .ci/browser-tests.sh [edition binary=.build/debug/edition]
set -euo pipefail
cd "$(dirname "$0")/.."
edition=${1:-.build/debug/edition}
[ -x "$edition" ] || { echo "browser-tests: no executable at $edition (swift build first)" >&2; exit 1; }
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "browser-tests: $tool is missing (apt-get install chromium chromium-driver; make deps does)" >&2; exit 1; }
done
if ! python3 -c "import selenium, axe_selenium_python" 2>/dev/null; then
  # A Debian Python refuses pip installs outside a virtual environment (PEP 668) unless told.
  python3 -m pip install -q selenium axe-selenium-python 2>/dev/null \
    || python3 -m pip install -q --break-system-packages selenium axe-selenium-python
fi

site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
"$edition" narrate Examples/anti-kremlin-militia.txt --output "$site" --no-cache >/dev/null
"$edition" feed init --config "$site/podcast.yaml" >/dev/null
"$edition" site --output "$site" --config "$site/podcast.yaml"
slug=$(basename "$(ls "$site"/*.transcript.json | head -1)" .transcript.json)
python3 Tests/Browser/test_player.py "$site" "$slug" Benchmarks/output
