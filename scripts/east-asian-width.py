#!/usr/bin/env python3
"""Prints the table of East Asian Wide (W) and Fullwidth (F) code point ranges used by
src/report/internal/displayWidth.ts, from Python's unicodedata (Unicode Standard Annex #11,
https://www.unicode.org/reports/tr11/, data file EastAsianWidth.txt).

Unassigned code points default to W in the CJK ideograph blocks and planes 2 and 3, as the
header of EastAsianWidth.txt says; elsewhere they are treated as narrow.

Usage: python3 scripts/east-asian-width.py   (paste the output into WIDE_RANGES)
"""
import textwrap
import unicodedata

DEFAULT_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]


def wide(cp: int) -> bool:
    ch = chr(cp)
    if unicodedata.category(ch) == "Cn":
        return any(a <= cp <= b for a, b in DEFAULT_WIDE)
    return unicodedata.east_asian_width(ch) in ("W", "F")


ranges = []
start = None
for cp in range(0x110000):
    w = wide(cp)
    if w and start is None:
        start = cp
    if not w and start is not None:
        ranges.append((start, cp - 1))
        start = None

print(f"// Unicode {unicodedata.unidata_version}: {len(ranges)} ranges")
body = ", ".join(f"0x{a:x}, 0x{b:x}" for a, b in ranges)
print(textwrap.fill(body, width=96, initial_indent="  ", subsequent_indent="  "))
