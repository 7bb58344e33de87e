// docs/formulas.md is true: its indicator is valid, its complete example validates and assesses
// to the numbers the page states, and the messages it shows are the library's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessPack, formatIssue, readPackJson, validatePack } from "../../src/index.js";

const DOC = readFileSync(new URL("../../docs/formulas.md", import.meta.url), "utf8");
const json = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("docs/formulas.md", () => {
  const read = readPackJson(json[1] ?? "", { file: "demo.json" });

  it("has a complete example that reads without any issue", () => {
    expect(read.issues).toEqual([]);
    expect(read.ok).toBe(true);
  });

  it("has an example whose city GDP per capita and disparity are what the page says", () => {
    if (!read.ok) throw new Error("the example is not valid");
    const assessment = assessPack(read.value, "steady");
    const row = assessment.rows[0];
    // 10000 · (330 · 1.1^4 + 105 · 1.05^4) / 100 = 10000 · (483.153 + 127.62815625) / 100
    expect(row?.projected).toBeCloseTo(61078.115625, 6);
    expect(row?.met).toBe(true);
    const d2020 = assessment.disparity?.find(
      (r) => r.indicator === "gdp_per_capita" && r.year === 2020,
    );
    // east 10000 · 300 / 60 = 50000, west 10000 · 100 / 40 = 25000, weights 60 and 40
    expect(d2020?.values).toEqual([
      { place: "east", value: 50000, weight: 60 },
      { place: "west", value: 25000, weight: 40 },
    ]);
    expect(d2020?.measures?.mean).toBeCloseTo(40000, 9); // 0.6 · 50000 + 0.4 · 25000
  });

  it("shows the indicator definition of its first block, which a pack accepts", () => {
    const indicator = JSON.parse(json[0] ?? "{}");
    const pack = JSON.parse(json[1] ?? "{}");
    pack.dataset.indicators[2] = indicator;
    expect(validatePack(pack).issues).toEqual([]);
  });

  it("shows the library's own messages", () => {
    if (!read.ok) throw new Error("the example is not valid");
    const pack = JSON.parse(json[1] ?? "{}");
    pack.dataset.indicators[2].formula = "x = gdp / population";
    const [message] = validatePack(pack).issues.map(formatIssue);
    expect(DOC).toContain(
      (message as string).replace("dataset.indicators[2]", "dataset.indicators[5]"),
    );
  });
});
