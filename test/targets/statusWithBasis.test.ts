import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";
import { classifyStatus, STATUS_THRESHOLDS } from "../../src/targets/classifyStatus.js";
import { insufficient } from "../../src/targets/internal/insufficient.js";
import { statusWithBasis } from "../../src/targets/statusWithBasis.js";

// The rule of docs/assessment.md, "Status and its basis", written out independently.
const band = (p: number) =>
  p >= STATUS_THRESHOLDS.probabilityOnTrack
    ? "on-track"
    : p >= STATUS_THRESHOLDS.probabilityAcceleration
      ? "needs-acceleration"
      : "off-track";

describe("statusWithBasis", () => {
  it("statusWithBasis rests on the projection without a probability, and on the data once decided", () => {
    expect(statusWithBasis(insufficient([]), ">=", 0.9)).toEqual({
      status: "insufficient-data",
      statusBasis: "projection",
    });
    const achieved = { ...insufficient([]), met: true, achieved: true };
    expect(statusWithBasis(achieved, ">=", 0.1)).toEqual({
      status: "achieved",
      statusBasis: "projection",
    });
  });

  it("downside gdp-rank-top70: off-track on the projection, and the probability's band when simulated", async () => {
    const deterministic = assessPack(qujingPack, "downside").rows.find(
      (r) => r.targetId === "gdp-rank-top70",
    );
    expect(deterministic?.statusBasis).toBe("projection");
    // Required growth 6.02% a year vs implied 2.55%: 3.5 points short > the 2-point margin.
    expect(deterministic?.status).toBe("off-track");
    const shortfall =
      (deterministic?.requiredGrowth ?? Number.NaN) - (deterministic?.impliedGrowth ?? Number.NaN);
    expect(shortfall).toBeGreaterThan(STATUS_THRESHOLDS.growthMargin);
    const { assessment } = await simulatePack(qujingPack, "downside", {
      paths: 4096,
      seed: 1,
      workers: 0,
    });
    const simulated = assessment.rows.find((r) => r.targetId === "gdp-rank-top70");
    expect(simulated?.statusBasis).toBe("probability");
    const p = simulated?.probability as number;
    // Rule one way: the status is the probability's band …
    expect(simulated?.status).toBe(band(p));
    // … and the other: the projection's reading is what the deterministic row says, and the
    // simulated row names it where the two differ.
    if (simulated?.status !== deterministic?.status)
      expect(simulated?.notes).toContain(
        `status from the probability ${Number(p.toFixed(2))}; the projection alone gives ${deterministic?.status}`,
      );
    // Every evaluable row of both runs obeys its basis.
    for (const r of assessment.rows) {
      if (r.statusBasis === "probability") expect(r.status).toBe(band(r.probability as number));
      else expect(r.probability === null || r.status === "achieved" || r.met === null).toBe(true);
    }
  });

  it("statusWithBasis agrees with classifyStatus given the same inputs", () => {
    const e = { ...insufficient([]), met: false, requiredGrowth: 0.06, impliedGrowth: 0.025 };
    expect(statusWithBasis(e, ">=", 0.28).status).toBe(classifyStatus(e, ">=", 0.28));
    expect(statusWithBasis(e, ">=", null).status).toBe(classifyStatus(e, ">=", null));
  });
});
