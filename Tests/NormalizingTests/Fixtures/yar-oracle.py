"""Prints yar-numerals' Ukrainian number words for a grid of numbers x cases x genders, the oracle
that NumberWordsOracleTests compares UkNumberWords with. One line each:
kind<TAB>number<TAB>case<TAB>gender<TAB>words. Needs `python3 -m pip install yar-numerals`."""
import sys

try:
    from yar_numerals import inflect_cardinal, inflect_ordinal
except ImportError:
    sys.exit("yar-numerals is not installed: python3 -m pip install yar-numerals")

NUMBERS = list(range(0, 32)) + [40, 45, 50, 68, 90, 99, 100, 101, 111, 122, 200, 234, 345, 400, 500, 678, 900, 999,
           1000, 1001, 1100, 1991, 2000, 2001, 2014, 2022, 2023, 3000, 5000, 11000, 21000, 44000, 100000, 125000,
           1000000, 2000000, 5500000, 1234567, 1000000000, 3000000000]
CASES = ["nominative", "genitive", "dative", "accusative", "instrumental", "locative"]
GENDERS = ["masculine", "feminine", "neuter"]

for n in NUMBERS:
    for case in CASES:
        for gender in GENDERS:
            form = {"case": case, "gender": gender}
            print("cardinal", n, case, gender, inflect_cardinal(str(n), form), sep="\t")
            print("ordinal", n, case, gender, inflect_ordinal(str(n), form), sep="\t")
        print("ordinal", n, case, "plural", inflect_ordinal(str(n), {"case": case, "number": "plural"}), sep="\t")
