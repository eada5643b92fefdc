#!/usr/bin/env bash
# Hostile input, timed: the inputs of Tests/ReadingTests/HostileInputTests.swift, generated at
# full size and read by the `edition` binary, with the seconds each takes. The tests check what
# the reader makes of them (a typed error or the right article); this checks it is quick.
# "read" is `edition script --json` (reading only, the article model written out); "script" is
# `edition script` (reading, normalizing, splitting into sentences). Each input has a ceiling
# for reading, the one the tests used to assert; a read over it is marked SLOW and the script
# exits 1.
# Usage: Benchmarks/hostile-input.sh          (builds the release binary)
#        EDITION=.build/debug/edition Benchmarks/hostile-input.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${EDITION:-}" ]; then
  swift build -c release >/dev/null
  EDITION=$PWD/.build/release/edition
fi
export EDITION_VOICES=$PWD/Voices

python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
def write(name, text):
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write(text)
depth = 100_000
write("deep.html", "<html><body>" + "<div>" * depth + "<p>The story sits at the bottom of a very deep page.</p>" + "</div>" * depth)
# Stray end tags make libxml2 search every open element: quadratic without the depth limit.
write("stray.html", "<html><body>" + "<div>" * depth + "<p>Text.</p>" + "</span>" * depth)
write("unclosed.html", "<html><body><article><h1>Unclosed tags everywhere</h1>"
      + "<p>A paragraph that is never closed, and another one. <ul><li>An item <li>Another item</ul>" * 5_000
      + "<p>The page is cut off in the middle of a <a href=\"/x")
paragraph = ("<p>Officials said on Tuesday that the repairs to the bridge would take several more weeks, "
             "and that traffic would be diverted through the city centre until then.</p>\n")
widget = "<div class='share'><a href='#'>Share</a></div><aside><a href='/x'>Another story</a></aside>\n"
parts, size, count = ["<html><head><title>A very long page</title></head><body><nav><a href='/'>Home</a></nav>"
                      "<article><h1>A very long page</h1>"], 0, 0
while size < 20_000_000:
    parts.append(paragraph); size += len(paragraph); count += 1
    if count % 10 == 0: parts.append(widget); size += len(widget)
write("huge.html", "".join(parts) + "</article></body></html>")
write("long.txt", "Headline\n\n" + "word " * 2_000_000 + ".\n")
write("quotes.md", "# Headline\n\n" + ">" * 100_000 + " quoted\n")
PY

now() { date +%s.%N; }
slow=0
printf '%-14s %9s %9s %9s  %s\n' input size read script outcome
# name, ceiling for reading in seconds, expected outcome (ok or refused)
for row in "deep.html 5 refused" "stray.html 5 refused" "unclosed.html 10 ok" "huge.html 15 ok" "long.txt 20 ok" "quotes.md 20 ok"; do
  set -- $row
  file=$work/$1
  start=$(now)
  if "$EDITION" script --json "$file" >/dev/null 2>"$work/err"; then outcome=ok; else outcome=refused; fi
  read_s=$(echo "$(now) - $start" | bc)
  start=$(now)
  "$EDITION" script "$file" >/dev/null 2>&1 || true
  script_s=$(echo "$(now) - $start" | bc)
  note=""
  [ "$outcome" = "$3" ] || note=" (expected $3)"
  if [ "$(echo "$read_s > $2" | bc)" = 1 ]; then note="$note SLOW: over ${2} s"; slow=1; fi
  [ "$outcome" = refused ] && note="$note: $(head -c 120 "$work/err")"
  printf '%-14s %8.1fM %8.2fs %8.2fs  %s%s\n' "$1" "$(echo "$(stat -c %s "$file") / 1000000" | bc -l)" "$read_s" "$script_s" "$outcome" "$note"
done
exit $slow
