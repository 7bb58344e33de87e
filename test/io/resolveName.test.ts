import { formatIssue, resolveName } from "regionsim";
import { describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

// Suggestions computed independently in Python (Levenshtein distance to the closest prefix of
// each normalised id, name and alias, then to the whole; ties by id):
//   "qlin" → qilin, city, central-city;  "centre" → central-city, city, xuanwei;
//   "gpd" → gdp, gdp_growth, population.

describe("resolveName", () => {
  it("resolves ids in any case and with surrounding whitespace", () => {
    expect(resolveName("  QILIN ", "place", testMeta)).toEqual({
      ok: true,
      value: "qilin",
      issues: [],
    });
    expect(resolveName("Central-City", "place", testMeta)).toEqual({
      ok: true,
      value: "central-city",
      issues: [],
    });
  });

  it("resolves Chinese names, English names and aliases of places and groups", () => {
    const value = (name: string) => {
      const r = resolveName(name, "place", testMeta);
      return r.ok ? r.value : undefined;
    };
    expect(value("麒麟区")).toBe("qilin");
    expect(value("麒麟")).toBe("qilin");
    expect(value("qilin district")).toBe("qilin");
    expect(value("Qilin  District")).toBe("qilin"); // inner whitespace collapsed
    expect(value("曲靖市")).toBe("city");
    expect(value("曲靖")).toBe("city");
    expect(value("Qujing")).toBe("city");
    expect(value("ＱＵＪＩＮＧ")).toBe("city"); // full-width letters, NFKC
  });

  it("resolves indicators by id, name and alias", () => {
    const value = (name: string) => {
      const r = resolveName(name, "indicator", testMeta);
      return r.ok ? r.value : undefined;
    };
    expect(value("GDP")).toBe("gdp");
    expect(value("地区生产总值")).toBe("gdp");
    expect(value("城镇化率")).toBe("urbanization_resident_pct");
    expect(value("Urbanization rate of resident population")).toBe("urbanization_resident_pct");
  });

  it("suggests the three nearest ids for an unknown name", () => {
    expect(resolveName("qlin", "place", testMeta).issues.map(formatIssue)).toEqual([
      'unknown place; did you mean qilin, city or central-city? (got "qlin")',
    ]);
    expect(resolveName("centre", "place", testMeta).issues.map(formatIssue)).toEqual([
      'unknown place; did you mean central-city, city or xuanwei? (got "centre")',
    ]);
    expect(resolveName("gpd", "indicator", testMeta).issues).toEqual([
      {
        severity: "error",
        code: "unknown-indicator",
        message: "unknown indicator; did you mean gdp, gdp_growth or population?",
        received: '"gpd"',
      },
    ]);
  });

  it("does not mix the namespaces: a place is not an indicator", () => {
    expect(resolveName("qilin", "indicator", testMeta).ok).toBe(false);
    expect(resolveName("gdp", "place", testMeta).ok).toBe(false);
  });

  it("reports a name shared by two entries as ambiguous, and lets ids win over aliases", () => {
    const meta = {
      ...testMeta,
      places: [
        { id: "a", nameZh: "甲", nameEn: "A", kind: "county" as const, aliases: ["twin", "b"] },
        { id: "b", nameZh: "乙", nameEn: "B", kind: "county" as const, aliases: ["twin"] },
      ],
      groups: [],
    };
    expect(resolveName("twin", "place", meta).issues.map(formatIssue)).toEqual([
      'ambiguous place name: it names a or b (got "twin")',
    ]);
    expect(resolveName("b", "place", meta)).toEqual({ ok: true, value: "b", issues: [] });
  });

  it("says so when there is nothing to suggest", () => {
    const empty = { places: [], groups: [], indicators: [] };
    expect(resolveName("x", "indicator", empty).issues.map((i) => i.message)).toEqual([
      "unknown indicator; no indicators are defined",
    ]);
  });
});
