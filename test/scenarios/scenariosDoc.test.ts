import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { readScenarioJson } from "../../src/io/readScenarioJson.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";

const doc = readFileSync(new URL("../../docs/scenarios.md", import.meta.url), "utf8");
const example = /```json scenario\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";

describe("docs/scenarios.md", () => {
  it("its example scenario reads without an issue against the Qujing pack and assesses", () => {
    const read = readScenarioJson(example, qujingPack.dataset, {
      scenarios: qujingPack.scenarios.map((s) => s.id),
      references: qujingPack.references.map((r) => r.id),
    });
    expect(read.issues).toEqual([]);
    if (!read.ok) return;
    const assessment = assessPack(qujingPack, read.value);
    expect(assessment.issues.filter((i) => i.severity === "error")).toEqual([]);
    // City GDP grows 5.5% a year from 2025: 2026 / 2025 = 1.055
    const projection = projectScenario(
      qujingPack.dataset,
      resolveScenario(read.value, qujingPack.scenarios),
      qujingPack.references,
    );
    const gdp = projection.series.find(
      (s) => s.scope === "city" && s.indicator === "gdp" && s.basis === "observed",
    );
    const at = (y: number) => gdp?.values[gdp.years.indexOf(y)] as number;
    expect(at(2026) / at(2025)).toBeCloseTo(1.055, 12);
    expect(at(2030) / at(2029)).toBeCloseTo(1.055, 12);
  });

  it("its relative-shock arithmetic holds: 1.045 × 0.97 − 1 = 1.365%", () => {
    expect(doc).toContain("`1.045 × 0.97 − 1 = 1.365%`");
    expect(1.045 * 0.97 - 1).toBeCloseTo(0.01365, 12);
  });
});
