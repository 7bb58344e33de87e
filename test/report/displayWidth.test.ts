import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/report/internal/displayWidth.js";

// Expected classes from Python 3.11 `unicodedata.east_asian_width` (Unicode 14.0.0), an
// implementation of UAX #11 independent of ours: W and F count 2, everything else 1, except
// combining marks (Mn, Me) and format/control characters (Cf, Cc), which take no column.
describe("displayWidth", () => {
  it("counts printable ASCII (class Na) as one column each", () => {
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("abc 123 %")).toBe(9);
  });

  it("counts CJK ideographs (class W) as two columns", () => {
    // 曲 U+66F2 W, 靖 U+9756 W, 麒 U+9E92 W
    expect(displayWidth("曲靖")).toBe(4);
    expect(displayWidth("麒麟区")).toBe(6);
    // U+20000 (CJK Extension B, W) is outside the BMP: one code point, two columns.
    expect(displayWidth("\u{20000}")).toBe(2);
  });

  it("counts mixed Chinese and Latin text column by column", () => {
    // 曲靖 (2 × 2) + space + Qujing (6) = 11
    expect(displayWidth("曲靖 Qujing")).toBe(11);
  });

  it("counts fullwidth forms (class F) as two and halfwidth forms (class H) as one", () => {
    expect(displayWidth("Ａ")).toBe(2); // U+FF21 F
    expect(displayWidth("，")).toBe(2); // U+FF0C F
    expect(displayWidth("\u3000")).toBe(2); // ideographic space U+3000 F
    expect(displayWidth("ｱ")).toBe(1); // U+FF71 H
  });

  it("counts kana, Hangul syllables and wide emoji as two columns", () => {
    expect(displayWidth("あ")).toBe(2); // U+3042 W
    expect(displayWidth("가")).toBe(2); // U+AC00 W
    expect(displayWidth("😀")).toBe(2); // U+1F600 W
  });

  it("counts ambiguous-width characters (class A) as one column", () => {
    expect(displayWidth("—")).toBe(1); // U+2014 A
    expect(displayWidth("≥")).toBe(1); // U+2265 A
    expect(displayWidth("km²")).toBe(3); // U+00B2 A
  });

  it("gives combining marks and format characters no width", () => {
    expect(displayWidth("e\u0301")).toBe(1); // U+0301 combining acute, Mn
    expect(displayWidth("a\u200bb")).toBe(2); // zero-width space U+200B, Cf
    expect(displayWidth("a\u0007")).toBe(1); // BEL, Cc
  });

  it("joins Hangul medial jamo to the initial consonant", () => {
    // ᄀ U+1100 W (2) + ᅡ U+1161 (a medial vowel, rendered in the same cell)
    expect(displayWidth("\u1100\u1161")).toBe(2);
  });
});
