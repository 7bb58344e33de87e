import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { classifyStatus, STATUS_THRESHOLDS } from "../../src/targets/classifyStatus.js";
import { insufficient } from "../../src/targets/internal/insufficient.js";
import type { TargetEvaluation } from "../../src/targets/targetContext.js";

const row = (scenario: string, id: string) => {
  const r = assessPack(qujingPack, scenario).rows.find((x) => x.targetId === id);
  if (r === undefined) throw new Error(`no row ${id}`);
  return r;
};

describe("rate targets in percentage points", () => {
  it("a rate row states its required change in points a year: urbanization 49.03% → 60% needs ≈ 2.2 pp/yr under plan", () => {
    const r = row("plan", "urbanization-resident");
    // The pack's latest quality A/B observation of urbanization_resident_pct is 49.03 in 2020
    // (7th census; the 2022 figure is quality C and not used by default); the target is 60 by
    // 2025: (60 − 49.03) / (2025 − 2020) = 10.97 / 5 = 2.194 points a year.
    expect(r.latest).toMatchObject({ year: 2020, value: 49.03 });
    expect(r.changeUnit).toBe("pp/yr");
    expect(r.requiredChange).toBeCloseTo(2.194, 10);
    // `plan` lands on the target: the implied change is the required one.
    expect(r.impliedChange).toBeCloseTo(2.194, 10);
    // The relative figure stays for compatibility: (60 / 49.03)^(1/5) − 1 = 0.04121.
    expect(r.requiredGrowth).toBeCloseTo(0.04121, 5);
  });

  it("a rate row under downside is off-track by the points margin: 2.19 required vs 0.59 implied", () => {
    const r = row("downside", "urbanization-resident");
    // downside projects 52 in 2025: (52 − 49.03) / 5 = 0.594 pp/yr; shortfall 1.6 > 0.5.
    expect(r.impliedChange).toBeCloseTo(0.594, 3);
    expect(r.status).toBe("off-track");
  });

  it("a level row keeps its growth as fractions a year with changeUnit /yr and no change in points", () => {
    const r = row("trend", "gdp-2035-double");
    expect(r.changeUnit).toBe("/yr");
    expect(r.requiredChange).toBeNull();
    expect(r.impliedChange).toBeNull();
  });

  it("an insufficient-data row has no change unit", () => {
    expect(row("trend", "expressways").changeUnit).toBeNull();
  });
});

describe("classifyStatus for rates", () => {
  const evaluation = (over: Partial<TargetEvaluation>): TargetEvaluation => ({
    ...insufficient([]),
    met: false,
    changeUnit: "pp/yr",
    ...over,
  });

  it("classifyStatus separates acceleration from off-track by 0.5 points a year for a rate", () => {
    expect(STATUS_THRESHOLDS.changeMarginPoints).toBe(0.5);
    // 2.0 required vs 1.6 implied: 0.4 points short → acceleration, whatever the relative growth
    // (here a relative shortfall of 5 points, which would be off-track for a level).
    const close = evaluation({
      requiredChange: 2.0,
      impliedChange: 1.6,
      requiredGrowth: 0.1,
      impliedGrowth: 0.05,
    });
    expect(classifyStatus(close, ">=", null)).toBe("needs-acceleration");
    // 2.2 required vs 0.6 implied: 1.6 points short → off-track.
    const far = evaluation({
      requiredChange: 2.2,
      impliedChange: 0.6,
      requiredGrowth: 0.041,
      impliedGrowth: 0.03,
    });
    expect(classifyStatus(far, ">=", null)).toBe("off-track");
  });

  it("classifyStatus reads an `about` rate target's margin both ways in points", () => {
    const over = evaluation({ requiredChange: 1, impliedChange: 1.7 });
    expect(classifyStatus(over, "about", null)).toBe("off-track");
    const near = evaluation({ requiredChange: 1, impliedChange: 1.3 });
    expect(classifyStatus(near, "about", null)).toBe("needs-acceleration");
  });
});
