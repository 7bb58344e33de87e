import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/report/internal/displayWidth.js";

const printableAscii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
// CJK Unified Ideographs U+4E00–U+9FFF, every one East Asian Wide in UAX #11.
const ideographs = fc.string({
  unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
});
const mixed = fc.string({ unit: fc.oneof(printableAscii, ideographs) });

describe("displayWidth properties", () => {
  it("is the number of characters for printable ASCII", () => {
    fc.assert(
      fc.property(printableAscii, (s) => {
        expect(displayWidth(s)).toBe(s.length);
      }),
    );
  });

  it("is twice the number of characters for CJK ideographs", () => {
    fc.assert(
      fc.property(ideographs, (s) => {
        expect(displayWidth(s)).toBe(2 * [...s].length);
      }),
    );
  });

  it("is additive over concatenation", () => {
    fc.assert(
      fc.property(mixed, mixed, (a, b) => {
        expect(displayWidth(a + b)).toBe(displayWidth(a) + displayWidth(b));
      }),
    );
  });
});
