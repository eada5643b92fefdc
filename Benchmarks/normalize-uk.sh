#!/usr/bin/env bash
# Normalization speed, Ukrainian against English: `edition script --fragment` (normalizing and
# sentence splitting) on a Ukrainian and an English news text of about the same length, dense with
# numbers, dates, money and abbreviations. Prints characters per second for each and their ratio
# (the Ukrainian rules are meant to stay within 2x of the English per character).
# Usage: Benchmarks/normalize-uk.sh [repeats, default 2000]   (builds the release binary)
#        EDITION=.build/debug/edition Benchmarks/normalize-uk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${EDITION:-}" ]; then
  swift build -c release >/dev/null
  EDITION=$PWD/.build/release/edition
fi
export EDITION_VOICES=$PWD/Voices
repeats=${1:-2000}

python3 - "$work" "$repeats" <<'PY'
import sys
work, repeats = sys.argv[1], int(sys.argv[2])
uk = ("У 2023 році економіка зросла на 5,3 %, а інфляція сягнула 12,8 %. Опубліковано 17 травня 2019 року о 7:15. "
      "Ворог випустив 14 ракет і 21 дрон; сили ППО збили 12 ракет. Уряд виділив 5 млрд грн на відбудову 1 200 будинків. "
      "Засідання відбудеться з 1 по 3 квітня у м. Києві, на вул. Хрещатик, 22. Температура до −10 °C, вітер 15 м/с. "
      "Кредит на $1,5 млрд надали США та ЄС. Петро I заснував місто у XVIII столітті. Телефон: +380 44 123 45 67. "
      "Президент підписав закон № 5655, який набуде чинності з 1 січня 2025 року. Понад 40 % опитаних підтримують рішення.\n")
en = ("In 2023 the economy grew by 5.3%, and inflation reached 12.8%. Published on May 17, 2019 at 7:15 a.m. "
      "The enemy launched 14 missiles and 21 drones; air defense downed 12 missiles. The government set aside $5 billion to rebuild 1,200 houses. "
      "The session will run from April 1 to 3 in Kyiv, on 22 Khreshchatyk St. Temperatures down to -10 °C, wind at 15 m/s. "
      "A $1.5 billion loan came from the U.S. and the EU. Peter I founded the city in the 18th century. Phone: +380 44 123 45 67. "
      "The president signed bill No. 5655, which takes effect on January 1, 2025. More than 40% of those polled back the decision.\n")
for name, text in (("uk.txt", uk), ("en.txt", en)):
    with open(f"{work}/{name}", "w", encoding="utf-8") as f:
        f.write(text * repeats)
PY

time_script() {  # file voice → seconds
  local start end
  start=$(date +%s.%N)
  "$EDITION" script --fragment --voice "$2" "$1" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}
chars() { python3 -c "import sys; print(len(open(sys.argv[1], encoding='utf-8').read()))" "$1"; }

uk_chars=$(chars "$work/uk.txt"); en_chars=$(chars "$work/en.txt")
time_script "$work/en.txt" en-us-news >/dev/null   # warm the file cache
en_s=$(time_script "$work/en.txt" en-us-news)
uk_s=$(time_script "$work/uk.txt" uk-news)
python3 - "$en_chars" "$en_s" "$uk_chars" "$uk_s" <<'PY'
import sys
en_c, en_s, uk_c, uk_s = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
en_r, uk_r = en_c / en_s, uk_c / uk_s
print(f"English    {en_c:>10,} chars  {en_s:7.2f} s  {en_r:>12,.0f} chars/s")
print(f"Ukrainian  {uk_c:>10,} chars  {uk_s:7.2f} s  {uk_r:>12,.0f} chars/s")
print(f"Ukrainian takes {en_r / uk_r:.2f}x the English time per character (target: within 2x)")
PY
