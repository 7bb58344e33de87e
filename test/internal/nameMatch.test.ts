import { describe, expect, it } from "vitest";
import { nearestIds, normalizeName, orList } from "../../src/internal/nameMatch.js";

describe("normalizeName", () => {
  it("maps full-width letters and spaces to ASCII, trims, collapses spaces and lower-cases", () => {
    expect(normalizeName("  Ｃｅｎｔｒａｌ　 City ")).toBe("central city");
  });
});

describe("orList", () => {
  it("joins ids as a, a or b, a, b or c", () => {
    expect(orList([])).toBe("");
    expect(orList(["a"])).toBe("a");
    expect(orList(["a", "b"])).toBe("a or b");
    expect(orList(["a", "b", "c"])).toBe("a, b or c");
  });
});

describe("nearestIds", () => {
  const candidates = [
    { id: "city", keys: ["city", "曲靖市"] },
    { id: "central-city", keys: ["central-city", "central city", "中心城区"] },
    { id: "qilin", keys: ["qilin", "麒麟区"] },
  ];

  it("ranks a misspelt id first (one substitution: ctiy → city is 2 edits, central-city is further)", () => {
    expect(nearestIds("ctiy", candidates, 1)).toEqual(["city"]);
  });

  it("ranks an abbreviation by its distance to a prefix of a key", () => {
    // "centre" is 2 edits from the prefix "centra" of "central city", 5 or more from the others.
    expect(nearestIds("centre", candidates, 3)[0]).toBe("central-city");
  });

  it("matches Chinese names by prefix (麒麟 is a prefix of 麒麟区)", () => {
    expect(nearestIds("麒麟", candidates, 1)).toEqual(["qilin"]);
  });

  it("returns each id once and at most count of them", () => {
    expect(nearestIds("x", candidates, 2)).toHaveLength(2);
    expect(new Set(nearestIds("x", candidates, 3)).size).toBe(3);
  });
});
