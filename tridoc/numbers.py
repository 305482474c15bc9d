"""Numerals: Arabic (1,234.5), Chinese (二〇一五, 八千万, 一点五, 十二), English words, scale words.

Only the reading of a numeral lives here; which numerals are figures is decided
in units.py (a figure needs a unit) and targets.py (a target needs a commitment).
"""
from __future__ import annotations

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_POSITIONS = {"十": 10, "百": 100, "千": 1000}
CN_SCALES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "千万": 10**7,
             "百万": 10**6, "十万": 10**5, "万": 10**4, "亿": 10**8, "千": 1000, "百": 100,
             "兆": 10**12}  # 兆 is a trillion before 元 in Taiwan usage (1.1兆元); before 比特 it is mega, a unit
EN_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9,
             "trillion": 10**12, "tn": 10**12, "trn": 10**12,
             # machine translation renders 万 and 亿 word by word: "1800 10 thousand households"
             "10 thousand": 10**4, "ten thousand": 10**4, "hundred million": 10**8, "100 million": 10**8}
EN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
            "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
            "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "thousand": 1000}

CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_POSITIONS)


def parse_chinese_integer(s: str) -> int | None:
    """二〇一五 -> 2015, 十二 -> 12, 八千 -> 8000, 六十 -> 60, 一百零五 -> 105; None if not a numeral."""
    if not s or any(c not in CN_DIGITS and c not in CN_POSITIONS for c in s):
        return None
    if all(c in CN_DIGITS for c in s):  # digit by digit, as in years: 二〇一五
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, digit = 0, None
    for c in s:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * CN_POSITIONS[c]
            digit = None
    return total + (digit or 0)


def parse_chinese_number(s: str) -> float | None:
    """Chinese numeral with an optional decimal part: 一点五 -> 1.5, 三十二 -> 32."""
    whole, _, frac = s.partition("点")
    n = parse_chinese_integer(whole)
    if n is None:
        return None
    if not frac:
        return float(n)
    if any(c not in CN_DIGITS for c in frac):
        return None
    return float(f"{n}.{''.join(str(CN_DIGITS[c]) for c in frac)}")


def parse_number(s: str) -> float | None:
    """Any single numeral: '1,234.5', '二〇一五', '一点五', 'twenty'."""
    s = s.strip()
    if not s:
        return None
    plain = s.replace(",", "")
    try:
        return float(plain)
    except ValueError:
        pass
    word = EN_WORDS.get(s.lower())
    if word is not None:
        return float(word)
    return parse_chinese_number(s)


def scale_of(word: str) -> int:
    """万 -> 10**4, 亿 -> 10**8, 'billion' -> 10**9; 1 for an empty or unknown word."""
    w = word.strip()
    return CN_SCALES.get(w) or EN_SCALES.get(w.lower()) or 1
