// compareScenarios: the scenarios' assessments side by side, with changes from the first.
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/analysis/compareScenarios.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";

const SCENARIOS = ["trend", "plan", "downside"] as const;

describe("compareScenarios", () => {
  it("sets the three Qujing scenarios side by side, each as assessPack gives it", async () => {
    const c = await compareScenarios(qujingPack, SCENARIOS);
    const direct = SCENARIOS.map((s) => assessPack(qujingPack, s));
    expect(c.pack).toBe("qujing");
    expect(c.scenarios).toEqual(SCENARIOS);
    expect(c.assessments).toEqual(direct);
    expect(c.rows.map((r) => r.targetId)).toEqual(qujingPack.targets.map((t) => t.id));
    for (const row of c.rows) {
      const rows = direct.map((a) => a.rows.find((r) => r.targetId === row.targetId));
      expect(row.cells.map((cell) => cell.scenario)).toEqual(SCENARIOS);
      row.cells.forEach((cell, i) => {
        const r = rows[i];
        const base = rows[0];
        expect(cell.projected).toBe(r?.projected);
        expect(cell.status).toBe(r?.status);
        expect(cell.gap).toBe(r?.gap?.absolute ?? null);
        expect(cell.statusChanged).toBe(r?.status !== base?.status);
        if (r?.projected == null || base?.projected == null)
          expect(cell.projectedChange).toBeNull();
        else expect(cell.projectedChange).toBe(r.projected - base.projected);
      });
      expect(row.cells[0]?.statusChanged).toBe(false);
    }
    // The plan scenario assumes faster growth than the trend: some projection differs.
    expect(c.rows.some((r) => (r.cells[1]?.projectedChange ?? 0) !== 0)).toBe(true);
  });

  it("simulates every scenario with one seed: probabilities as simulatePack gives them", async () => {
    const c = await compareScenarios(qujingPack, ["trend", "plan"], {
      paths: 500,
      seed: 9,
      workers: 0,
    });
    const plan = await simulatePack(qujingPack, "plan", { paths: 500, seed: 9, workers: 0 });
    const trend = await simulatePack(qujingPack, "trend", { paths: 500, seed: 9, workers: 0 });
    const simulated = c.rows.filter((r) => r.cells[0]?.probability !== null);
    expect(simulated.length).toBeGreaterThan(0);
    for (const row of simulated) {
      const p0 = trend.assessment.rows.find((r) => r.targetId === row.targetId)?.probability;
      const p1 = plan.assessment.rows.find((r) => r.targetId === row.targetId)?.probability;
      expect(row.cells[0]?.probability).toBe(p0);
      expect(row.cells[1]?.probability).toBe(p1);
      expect(row.cells[1]?.probabilityChange).toBe((p1 as number) - (p0 as number));
    }
  });

  it("refuses fewer than two scenarios, a repeated or unknown one, and bad options", async () => {
    await expect(compareScenarios(qujingPack, ["trend"])).rejects.toThrow(
      new ArgumentRangeError(
        "compareScenarios: scenarios must list at least two scenarios (got 1)",
        {
          code: "out-of-range",
          path: "scenarios",
        },
      ),
    );
    await expect(compareScenarios(qujingPack, ["trend", "trend"])).rejects.toThrow(
      'compareScenarios: scenarios[1] is "trend" again: each scenario is compared once',
    );
    await expect(compareScenarios(qujingPack, ["trend", "trnd"])).rejects.toThrow(
      /^compareScenarios: scenarios\[1\] must be a scenario id of the pack .*did you mean "trend"\? \(got the string "trnd"\)$/,
    );
    await expect(compareScenarios(qujingPack, "trend" as never)).rejects.toThrow(ArgumentTypeError);
    await expect(compareScenarios(qujingPack, ["trend", 3 as never])).rejects.toThrow(
      /^compareScenarios: scenarios\[1\] must be a scenario id of the pack \(.*\) or a scenario object \(got 3\)$/,
    );
    await expect(compareScenarios(qujingPack, ["trend", "plan"], { seed: 2 })).rejects.toThrow(
      "compareScenarios: options.seed needs options.paths (a simulation)",
    );
    await expect(compareScenarios(qujingPack, ["trend", "plan"], { paths: 0 })).rejects.toThrow(
      /^compareScenarios: options\.paths must be/,
    );
    await expect(
      compareScenarios(qujingPack, ["trend", "plan"], { pahts: 10 } as never),
    ).rejects.toThrow(/^compareScenarios: options\.pahts is not an option; did you mean paths\?/);
  });
});
