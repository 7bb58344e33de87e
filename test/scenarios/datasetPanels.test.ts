// A dataset's panel summaries (dataset.panels) reach the fits of its series: the scenario runner
// hands the matching summary to fitModel as { panel }, the series records the panel's note, and a
// level target quotes it. Numbers by hand on the logit scale: logit(50%) = 0.
import { describe, expect, it } from "vitest";
import {
  assessPack,
  type DatasetPanel,
  projectScenario,
  type RegionPack,
  resolveScenario,
  ScenarioSchema,
  validatePack,
} from "../../src/index.js";
import { obs, syntheticPack } from "../helpers/syntheticPack.js";

const summary = (mean: number, scale: "logit" | "log" = "logit"): DatasetPanel["summary"] => ({
  kind: "panel-summary",
  scale,
  ...(scale === "logit" ? { bounds: [0, 100] as [number, number] } : {}),
  growth: { mean, betweenVariance: 0.01, units: 30 },
  volatility: { priorDf: 10, priorVariance: 0.0004, units: 30 },
});

const everywhere: DatasetPanel = {
  indicator: "urbanization",
  scope: "*",
  summary: summary(0.1),
  note: "thirty made-up units",
};

/** The synthetic pack with one urbanization value (50% in 2020) for the whole city. */
function packWith(panels: DatasetPanel[] | undefined): RegionPack {
  const pack = syntheticPack([obs("all", "urbanization", 2020, 50, "%")]);
  const scenario = ScenarioSchema.parse({
    id: "drift",
    nameEn: "Drift",
    description: "A random walk with drift on each indicator's scale.",
    models: [{ scope: "*", indicator: "*", spec: { kind: "drift" }, reason: "drift" }],
  });
  return {
    ...pack,
    dataset: { ...pack.dataset, ...(panels === undefined ? {} : { panels }) },
    scenarios: [scenario],
  };
}

const seriesOf = (pack: RegionPack) =>
  projectScenario(pack.dataset, resolveScenario("drift", pack.scenarios)).series.find(
    (s) => s.scope === "all" && s.indicator === "urbanization" && s.basis === "observed",
  );

describe("dataset.panels in a projection", () => {
  it("lets one value be projected with the panel's mean change and records the panel's note", () => {
    const s = seriesOf(packWith([everywhere]));
    // One point: the drift is the panel mean 0.1; 2025 = logit⁻¹(0 + 5·0.1) = 62.2459%.
    expect(s?.values[s.years.indexOf(2025)]).toBeCloseTo(100 / (1 + Math.exp(-0.5)), 9);
    expect(s?.model?.panel).toEqual({ note: "thirty made-up units", ownWeight: 0 });
  });

  it("prefers the summary of the exact scope to the one for every scope", () => {
    const own: DatasetPanel = { ...everywhere, scope: "all", summary: summary(0.02), note: "own" };
    const s = seriesOf(packWith([everywhere, own]));
    // 2025 = logit⁻¹(5·0.02) = 52.4979%.
    expect(s?.values[s.years.indexOf(2025)]).toBeCloseTo(100 / (1 + Math.exp(-0.1)), 9);
    expect(s?.model?.panel?.note).toBe("own");
  });

  it("leaves a series of one value to its fallback without a panel", () => {
    const s = seriesOf(packWith(undefined));
    expect(s?.model?.fitted.kind).toBe("naive");
    expect(s?.model?.panel).toBeUndefined();
  });

  it("reports a summary on another scale as the series' failure, without throwing", () => {
    const s = seriesOf(packWith([{ ...everywhere, summary: summary(0.1, "log") }]));
    expect(s?.failure).toMatch(/options\.panel\.scale must be the fit's scale, "logit"/);
  });

  it("quotes the panel's note in the level target's row", () => {
    const row = assessPack(packWith([everywhere]), "drift").rows.find(
      (r) => r.targetId === "urbanization",
    );
    expect(row?.status).not.toBe("insufficient-data");
    expect(row?.notes).toContainEqual(
      "panel-informed forecast (own data weight 0.00, the rest from comparable units): thirty made-up units",
    );
  });

  it("is checked by validatePack: a panel names an indicator and a scope of the pack", () => {
    const pack = packWith([{ ...everywhere, indicator: "urbanisation", scope: "everywhere" }]);
    const fields = validatePack(pack).issues.map((i) => i.field);
    expect(fields).toContain("dataset.panels[0].indicator");
    expect(fields).toContain("dataset.panels[0].scope");
  });
});
