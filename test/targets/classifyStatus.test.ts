import { describe, expect, it } from "vitest";
import { classifyStatus, STATUS_THRESHOLDS } from "../../src/targets/classifyStatus.js";
import { insufficient } from "../../src/targets/internal/insufficient.js";
import type { TargetEvaluation } from "../../src/targets/targetContext.js";

const evaluation = (over: Partial<TargetEvaluation>): TargetEvaluation => ({
  ...insufficient([]),
  met: false,
  ...over,
});

describe("classifyStatus", () => {
  it("classifyStatus says insufficient-data when the target could not be evaluated", () => {
    expect(classifyStatus(insufficient([]), ">=", null)).toBe("insufficient-data");
  });
  it("classifyStatus says achieved when the latest observation meets the target", () => {
    expect(classifyStatus(evaluation({ met: true, achieved: true }), ">=", 0.1)).toBe("achieved");
  });
  it("classifyStatus says off-track for an observed target year that was missed", () => {
    expect(classifyStatus(evaluation({ met: false, final: true }), ">=", null)).toBe("off-track");
  });
  it("classifyStatus uses the probability thresholds when a simulation was run", () => {
    expect(classifyStatus(evaluation({ met: false }), ">=", 0.5)).toBe("on-track");
    expect(classifyStatus(evaluation({ met: true }), ">=", 0.2)).toBe("needs-acceleration");
    expect(classifyStatus(evaluation({ met: true }), ">=", 0.19)).toBe("off-track");
  });
  it("classifyStatus separates acceleration from off-track by 2 points of growth a year", () => {
    expect(STATUS_THRESHOLDS.growthMargin).toBe(0.02);
    expect(
      classifyStatus(evaluation({ requiredGrowth: 0.079, impliedGrowth: 0.06 }), ">=", null),
    ).toBe("needs-acceleration");
    expect(
      classifyStatus(evaluation({ requiredGrowth: 0.081, impliedGrowth: 0.06 }), ">=", null),
    ).toBe("off-track");
    // for ≤ targets the growth must fall: implied above required is the shortfall
    expect(
      classifyStatus(evaluation({ requiredGrowth: -0.05, impliedGrowth: 0 }), "<=", null),
    ).toBe("off-track");
  });
  it("classifyStatus reads an about target's growth shortfall both ways: overshooting the band is a miss too", () => {
    // about: required growth lands on the target; the projection overshoots it by
    // 0.12 − 0.05 = 7 points a year (> 2) → off-track, not needs-acceleration
    expect(
      classifyStatus(evaluation({ requiredGrowth: 0.05, impliedGrowth: 0.12 }), "about", null),
    ).toBe("off-track");
    // 0.065 − 0.05 = 1.5 points a year (≤ 2) either way → needs-acceleration
    expect(
      classifyStatus(evaluation({ requiredGrowth: 0.05, impliedGrowth: 0.065 }), "about", null),
    ).toBe("needs-acceleration");
    expect(
      classifyStatus(evaluation({ requiredGrowth: 0.065, impliedGrowth: 0.05 }), "about", null),
    ).toBe("needs-acceleration");
  });
  it("classifyStatus falls back to a 10% gap margin for targets without growth", () => {
    expect(classifyStatus(evaluation({ gap: { absolute: -1, relative: -0.1 } }), ">=", null)).toBe(
      "needs-acceleration",
    );
    expect(classifyStatus(evaluation({ gap: { absolute: -2, relative: -0.2 } }), ">=", null)).toBe(
      "off-track",
    );
  });
});
