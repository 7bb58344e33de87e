import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cnPanelPaths, repoRoot, sharedDir } from "../../../scripts/cn-panels.js";
import { panelSummariesFrom, panelSummariesModule } from "../../../scripts/embed-panel-summary.js";
import { assessPack } from "../../../src/assessment/assessPack.js";
import { qujingPanelSummaries } from "../../../src/packs/qujing/panelSummaries.generated.js";
import { qujingPack } from "../../../src/packs/qujing/qujingPack.js";
import { qujingPlaces } from "../../../src/packs/qujing/qujingPlaces.js";
import { DatasetPanelSchema } from "../../../src/schemas/datasetPanel.js";

/** The shared panels (REGIONSIM_SHARED, else ../shared); not in the repository. */
const panels = cnPanelPaths(sharedDir());
const SKIP_REASON = `skipped: the shared panels are not under ${sharedDir()} (set REGIONSIM_SHARED)`;

const logit = (percent: number) => Math.log(percent / (100 - percent));
const fromLogit = (x: number) => 100 / (1 + Math.exp(-x));
const urbanization = qujingPanelSummaries.find((p) => p.indicator === "urbanization_resident_pct");
const rowOf = (a: ReturnType<typeof assessPack>) =>
  a.rows.find((r) => r.targetId === "urbanization-resident");

describe("the Qujing pack's summaries of the national county panel", () => {
  it.skipIf(!panels.present)(
    `equal what scripts/embed-panel-summary.ts computes from the shared panel (${panels.present ? "panel present" : SKIP_REASON})`,
    () => {
      const made = panelSummariesFrom(sharedDir());
      expect("content" in made).toBe(true);
      if (!("content" in made)) return;
      expect(readFileSync(join(repoRoot, panelSummariesModule), "utf8")).toBe(made.content);
    },
  );

  it("hold a GDP summary for each place and one of the urbanization rate, each valid", () => {
    expect(qujingPanelSummaries.filter((p) => p.indicator === "gdp").map((p) => p.scope)).toEqual(
      qujingPlaces.map((p) => p.id),
    );
    expect(urbanization?.scope).toBe("*");
    for (const p of qujingPanelSummaries) expect(DatasetPanelSchema.parse(p)).toEqual(p);
    expect(qujingPack.dataset.panels).toBe(qujingPanelSummaries);
  });

  it("agree with an independent Python computation of the mean growth", () => {
    // python3 over county_panel.csv with csv.DictReader (units keyed on area_id, else code;
    // 2012–2021; changes within segments only). Urbanization: 100·U/(U+R) in (0, 100), logit,
    // breaks at 2020 and where |Δlogit| > Δt·ln 2; kept when the latest year's U/R is within a
    // factor 4 of 49.03/50.97: 923 units, mean yearly change 0.0527040137. Xuanwei's GDP: ln GDP,
    // breaks at 2019 and where |Δln| > Δt·ln 2, Yunnan units other than Xuanwei with a 2021 GDP
    // within a factor 4 of its 451.86: 76 units, mean 0.0926136155.
    expect(urbanization?.summary.growth.units).toBe(923);
    expect(urbanization?.summary.growth.mean).toBeCloseTo(0.0527040137, 10);
    const xuanwei = qujingPanelSummaries.find(
      (p) => p.indicator === "gdp" && p.scope === "xuanwei",
    );
    expect(xuanwei?.summary.growth.units).toBe(76);
    expect(xuanwei?.summary.growth.mean).toBeCloseTo(0.0926136155, 10);
    expect(xuanwei?.note).toContain("76 comparable units: Yunnan's county-level units");
  });
});

describe("the resident urbanization target under the trend scenario", () => {
  const row = rowOf(assessPack(qujingPack, "trend"));

  it("is judged from its one census value with the panel, not insufficient-data", () => {
    expect(row?.status).not.toBe("insufficient-data");
    expect(row?.latest).toMatchObject({ year: 2020, value: 49.03 });
    expect(row?.missing).toEqual([]);
  });

  it("carries a note naming the panel summary and its number of comparable units", () => {
    const note = row?.notes.find((n) => n.startsWith("panel-informed forecast"));
    expect(note).toContain("own data weight 0.00");
    expect(note).toContain("national county panel");
    expect(note).toContain("923 comparable units");
  });

  it("projects the last value moved by the panel's mean yearly change of the logit", () => {
    // One point: no own change, so the drift is the panel mean μ = 0.0527040137 (checked above)
    // and 2025 = logit⁻¹(logit(49.03%) + 5·μ) = logit⁻¹(−0.0388035 + 0.2635201) = 55.5944%.
    expect(row?.projected).toBeCloseTo(55.5944, 3);
    expect(row?.projected).toBeCloseTo(
      fromLogit(logit(49.03) + 5 * (urbanization?.summary.growth.mean as number)),
      9,
    );
    // Below 60% at the centre: the pace the plan needs (2.19 pp a year) is not the panel's.
    expect(row?.met).toBe(false);
  });

  it("is insufficient-data again without the panel (one point is too few for drift alone)", () => {
    const bare = { ...qujingPack, dataset: { ...qujingPack.dataset, panels: [] } };
    expect(rowOf(assessPack(bare, "trend"))?.status).toBe("insufficient-data");
  });
});
