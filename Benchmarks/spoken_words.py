#!/usr/bin/env python3
"""Scoring normalizer for Benchmarks/intelligibility.sh: turns a transcript or a reference into
the words a listener heard, so that a reference written all in words ("two point four billion
dollars") and a Whisper hypothesis written with digits ("$2.4 billion") meet.

It is deliberately small and context-free (it is a scorer, not a second news normalizer):
  - digits to words: cardinals (no "and"), decimals ("point" + digits), ordinals, 4-digit years
    ("twenty twenty-four", "nineteen oh five", "two thousand nine"), decades, H:MM times,
    phone-style digit groups, currency ($ £ € ¥ with million/billion/bn/m), %, degrees, a few
    fractions, number ranges ("52-48" -> "fifty-two to forty-eight"), unit abbreviations right
    after a number (km, mph, GB, ...), Roman numerals after a name ("Charles III" -> "Charles the
    third") or after War/Title/... (cardinal);
  - a few written abbreviations (Mr. Dr. St. Gov. Sept. ...) and symbols (& + @ / and the dots of
    a domain name) to words;
  - then what WER tools do: lower-case, drop apostrophes, every other punctuation mark and every
    hyphen becomes a space; finally a run of single letters is one token ("F B I", "F.B.I." and
    "FBI" all score as "fbi"; "a.m." as "am").
The same function is applied to the reference and to the hypothesis.

Usage: python3 spoken_words.py "text" ...      prints the normalized form of each argument
"""
import re
import sys
import unicodedata

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
       "seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = [(10 ** 12, "trillion"), (10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")]
ORDINAL_WORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                "nine": "ninth", "twelve": "twelfth"}


def cardinal(n: int) -> str:
    if n < 0:
        return "minus " + cardinal(-n)
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + cardinal(n % 100))
    for value, name in SCALES:
        if n >= value:
            return cardinal(n // value) + " " + name + ("" if n % value == 0 else " " + cardinal(n % value))
    raise AssertionError(n)


def ordinal(n: int) -> str:
    words = cardinal(n).split()
    last = words[-1]
    if last in ORDINAL_WORD:
        words[-1] = ORDINAL_WORD[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def year(n: int) -> str:
    """4-digit numbers without a thousands comma read as years: 1905, 1600, 2009, 2024."""
    if n == 2000 or 2001 <= n <= 2009:
        return cardinal(n)
    hi, lo = divmod(n, 100)
    if lo == 0:
        return cardinal(hi) + " hundred"
    if lo < 10:
        return cardinal(hi) + " oh " + ONES[lo]
    return cardinal(hi) + " " + cardinal(lo)


def digits(s: str, zero: str = "zero") -> str:
    return " ".join(zero if d == "0" else ONES[int(d)] for d in s)


def number(s: str) -> str:
    """A written number: 1,500 / 4.6 / 2024 / 0600 / 42."""
    grouped = "," in s
    s = s.replace(",", "")
    if "." in s:
        whole, frac = s.split(".", 1)
        return (cardinal(int(whole)) if whole else "") + " point " + digits(frac)
    if len(s) > 1 and s.startswith("0"):
        return "oh " + number(s[1:]) if len(s) == 4 else digits(s, "oh")
    n = int(s)
    if len(s) == 4 and 1100 <= n <= 2099 and not grouped:
        return year(n)
    return cardinal(n)


NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
CURRENCY = {"$": ("dollar", "dollars", "cent", "cents"), "£": ("pound", "pounds", "penny", "pence"),
            "€": ("euro", "euros", "cent", "cents"), "¥": ("yen", "yen", "sen", "sen")}
SCALE_WORDS = {"thousand": "thousand", "k": "thousand", "million": "million", "m": "million", "mn": "million",
               "billion": "billion", "bn": "billion", "b": "billion", "trillion": "trillion", "tn": "trillion"}
UNITS = {  # abbreviation right after a number: (singular, plural)
    "km/h": ("kilometer per hour", "kilometers per hour"), "kph": ("kilometer per hour", "kilometers per hour"),
    "mph": ("mile per hour", "miles per hour"), "km": ("kilometer", "kilometers"), "m": ("meter", "meters"),
    "cm": ("centimeter", "centimeters"), "mm": ("millimeter", "millimeters"), "kg": ("kilogram", "kilograms"),
    "g": ("gram", "grams"), "mg": ("milligram", "milligrams"), "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"),
    "ft": ("foot", "feet"), "mi": ("mile", "miles"), "in": ("inch", "inches"), "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"), "MB": ("megabyte", "megabytes"), "GW": ("gigawatt", "gigawatts"),
    "MW": ("megawatt", "megawatts"), "kW": ("kilowatt", "kilowatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MP": ("megapixel", "megapixel"), "hrs": ("hour", "hours"), "hr": ("hour", "hours"), "min": ("minute", "minutes"),
}
ABBREVIATIONS = [  # (pattern, words); case-sensitive, applied before anything else
    (r"\bMrs\.", "missus"), (r"\bMr\.", "mister"), (r"\bDr\.(?= [A-Z])", "doctor"), (r"\bSt\.(?= [A-Z])", "saint"),
    (r"\bSt\.", "street"), (r"\bMt\.", "mount"), (r"\bAve\.", "avenue"), (r"\bGov\.", "governor"),
    (r"\bSen\.", "senator"), (r"\bGen\.", "general"), (r"\bLt\.", "lieutenant"), (r"\bRep\.", "representative"),
    (r"\bJr\.", "junior"), (r"\bNW\b", "northwest"), (r"\bTX\b", "texas"), (r"\bvs?\.", "versus"), (r"\bNo\.(?= ?\d)", "number"), (r"\bHQ\b", "headquarters"),
    (r"\bJan\.", "january"), (r"\bFeb\.", "february"), (r"\bAug\.", "august"), (r"\bSept?\.", "september"),
    (r"\bOct\.", "october"), (r"\bNov\.", "november"), (r"\bDec\.", "december"),
    (r"\bMon\.", "monday"), (r"\bTue\.", "tuesday"), (r"\bWed\.", "wednesday"), (r"\bThu\.", "thursday"),
    (r"\bFri\.", "friday"), (r"\bSat\.", "saturday"), (r"\bSun\.", "sunday"),
]
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
CARDINAL_BEFORE_ROMAN = {"war", "title", "phase", "part", "chapter", "article", "section", "stage", "level", "type",
                         "class", "category", "apollo", "bowl", "volume"}


def roman_value(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = ROMAN[a]
        total += -v if b != " " and ROMAN[b] > v else v
    return total


def currency(m: re.Match) -> str:
    names = CURRENCY[m.group(1)]
    amount, scale = m.group(2), m.group(3)
    if scale:
        return f" {number(amount)} {SCALE_WORDS[scale.lower()]} {names[1]} "
    whole, _, frac = amount.replace(",", "").partition(".")
    w = int(whole)
    if frac and int(frac) and len(frac) == 2:
        cents = f"{cardinal(int(frac))} {names[3] if int(frac) != 1 else names[2]}"
        return f" {cents} " if w == 0 else f" {cardinal(w)} {names[0] if w == 1 else names[1]} and {cents} "
    return f" {number(amount)} {names[0] if amount == '1' else names[1]} "


def roman(m: re.Match) -> str:
    before, numeral = m.group(1), m.group(2)
    n = roman_value(numeral)
    if before.lower() in CARDINAL_BEFORE_ROMAN:
        return f"{before} {cardinal(n)}"
    return f"{before} the {ordinal(n)}"


def spoken(text: str) -> str:
    """The scoring form: lower-case words separated by single spaces."""
    t = unicodedata.normalize("NFKC", text)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    t = re.sub(r"(?<=\d)\s?[\u2013\u2014]\s?(?=\d)", "-", t)
    t = t.replace("\u2013", " ").replace("\u2014", " ").replace("\u2212", "-")
    for pattern, words in ABBREVIATIONS:
        t = re.sub(pattern, words, t)
    # Domain names, e-mail addresses, paths.
    t = re.sub(r"(?<=[A-Za-z0-9])\.(?=[A-Za-z]{2,}\b)", " dot ", t)
    t = re.sub(r"(?<=\w)@(?=\w)", " at ", t)
    t = re.sub(r"(?<=[A-Za-z])/(?=[A-Za-z])(?!h\b)", " slash ", t)
    t = re.sub(r"(?<=\w)\+", " plus ", t)
    t = t.replace("&", " and ")
    # Roman numerals after a word.
    t = re.sub(r"\b([A-Z][a-z]+) ([IVXLC]{2,})\b", roman, t)
    # Phone numbers and digit groups.
    t = re.sub(r"\b(?:1-)?(?:\d{3}-){1,2}\d{4}\b",
               lambda m: " " + " ".join(g[0] and (ONES[int(g[0])] + " hundred") if re.fullmatch(r"[1-9]00", g)
                                        else digits(g, "oh") for g in m.group(0).split("-")) + " ", t)
    # Times: h:mm:ss, then h:mm.
    t = re.sub(r"\b(\d{1,2}):(\d{2}):(\d{2})\b", lambda m: " " + " ".join(
        f"{cardinal(int(v))} {unit}{'' if int(v) == 1 else 's'}" for v, unit in zip(m.groups(), ("hour", "minute", "second"))
        if int(v)) + " ", t)
    t = re.sub(r"\b(\d{1,2})\.?(\d{2}) ?(?=[ap]\.? ?m\b\.?)", r"\1:\2 ", t, flags=re.IGNORECASE)  # 8.30 pm, 830 pm
    t = re.sub(r"\b(\d{1,2}):(\d{2})\b",
               lambda m: f" {cardinal(int(m.group(1)))}" + ("" if m.group(2) == "00" else
                                                          f" oh {ONES[int(m.group(2))]}" if m.group(2)[0] == "0"
                                                          else f" {cardinal(int(m.group(2)))}") + " ", t)
    # Money, percent, degrees, fractions.
    t = re.sub(r"([$£€¥])\s?(" + NUM + r")(?:\s?(thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?", currency, t,
               flags=re.IGNORECASE)
    t = re.sub(r"(" + NUM + r")\s?%", lambda m: f" {m.group(1)} percent ", t)
    t = re.sub(r"\s?°\s?C\b", " degrees celsius ", t)
    t = re.sub(r"\s?°\s?F\b", " degrees fahrenheit ", t)
    t = t.replace("°", " degrees ")
    fractions = {"1/2": "a half", "1/4": "a quarter", "3/4": "three quarters", "1/3": "a third", "2/3": "two thirds"}
    t = re.sub(r"\b(\d+) (1/2|1/4|3/4|1/3|2/3)\b", lambda m: f"{m.group(1)} and {fractions[m.group(2)]}", t)
    t = re.sub(r"\b(1/2|1/4|3/4|1/3|2/3)\b", lambda m: {"1/2": "one half", "1/4": "one quarter"}.get(
        m.group(1), fractions[m.group(1)]), t)
    # Ranges and scores between two numbers.
    t = re.sub(r"(?<![\w.])(" + NUM + r")\s?-\s?(?=\d)", lambda m: f"{m.group(1)} to ", t)
    # Negative numbers.
    t = re.sub(r"(?<![\w.])-(?=\d)", "minus ", t)
    # Decades.
    t = re.sub(r"\b(1[1-9]\d0|20[0-9]0)s\b", lambda m: plural(year(int(m.group(1)))), t)
    t = re.sub(r"'?\b([2-9]0)s\b", lambda m: plural(cardinal(int(m.group(1)))), t)
    # Dates: "March 19" and "19 March" are read with an ordinal.
    t = re.sub(r"\b(" + MONTHS + r") (\d{1,2})\b(?![\d.,:]\d)", lambda m: f"{m.group(1)} {ordinal(int(m.group(2)))}", t,
               flags=re.IGNORECASE)
    t = re.sub(r"\b(\d{1,2}) (" + MONTHS + r")\b", lambda m: f"the {ordinal(int(m.group(1)))} of {m.group(2)}", t,
               flags=re.IGNORECASE)
    # Ordinals.
    t = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: ordinal(int(m.group(1))), t)
    # Units right after a number (or after "4.6 billion").
    t = re.sub(r"(" + NUM + r"(?: (?:thousand|million|billion))?)\s?(" + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)) + r")(?:\.|\b)",
               lambda m: f"{m.group(1)} {UNITS[m.group(2)][0 if m.group(1) == '1' else 1]} "
               if m.group(2) != "in" or m.group(0).endswith(".") else m.group(0), t)
    # Letters glued to digits (A380, Q3, 5G) come apart.
    t = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", t)
    t = re.sub(NUM, lambda m: f" {number(m.group(0))} ", t)
    # What WER tools do.
    t = t.lower().replace("'", "")
    t = re.sub(r"[^a-z0-9]+", " ", t)
    return " ".join(collapse_letters(t.split()))


def plural(words: str) -> str:
    """ "nineteen ninety" -> "nineteen nineties" """
    head, _, last = words.rpartition(" ")
    last = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return f" {head} {last} "


def collapse_letters(words):
    """A run of two or more single letters is one token: "f b i" -> "fbi". A run of three or more
    that starts with "a" keeps that "a" apart (the article: "a u s state")."""
    out, run = [], []

    def flush():
        if len(run) >= 3 and run[0] == "a":
            out.append(run.pop(0))
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run.clear()

    for w in words:
        if len(w) == 1 and w.isalpha():
            run.append(w)
        else:
            flush()
            out.append(w)
    flush()
    return out


def alternatives(reference: str):
    """Every reading of a reference with {a|b} choices, the first choice first."""
    m = re.search(r"\{([^{}]*)\}", reference)
    if not m:
        return [reference]
    return [x for choice in m.group(1).split("|")
            for x in alternatives(reference[:m.start()] + choice + reference[m.end():])]


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(spoken(arg))
