// The cases whose assessments are pinned by test/assessment/goldenAssessments.test.ts: every
// Qujing scenario, Qujing scenario objects that use each kind of assumption (a model from a
// year on, `auto`, shocks, overrides, uncertainty, quality C, a shorter horizon, added data),
// the synthetic packs of the tests, and two small simulations. `npm run golden:assess` writes
// the digests of their JSON to test/fixtures/assessment-golden.json.
import { createHash } from "node:crypto";
import type { Observation, RegionPack, ScenarioInput } from "../../src/index.js";
import { qujingPack } from "../../src/index.js";
import { countyPack, countyScenario } from "./countyPack.js";
import {
  formulaPack,
  GDP_PER_CAPITA,
  GDP_PER_CAPITA_RATIO,
  levelTarget,
  uncertain,
} from "./formulaPack.js";
import { pricedPack, pricedScenario } from "./pricedPack.js";
import { baseScenario, syntheticPack } from "./syntheticPack.js";

/** One assessment to pin: a pack, a scenario and the options of `assessPack`. */
export interface GoldenCase {
  readonly id: string;
  readonly pack: RegionPack;
  readonly scenario: string | ScenarioInput;
  readonly data?: readonly Observation[];
  /** Simulated with `simulatePack` (one worker) at these paths and seed, else `assessPack`. */
  readonly simulate?: { readonly paths: number; readonly seed: number };
}

/** Assumptions of every kind on top of Qujing's trend scenario. */
const trendVariant: ScenarioInput = {
  id: "trend-variant",
  nameEn: "Trend with assumptions",
  description: "trend, with a model from 2028, auto, shocks, an override and uncertainty",
  extends: "trend",
  models: [
    { scope: "city", indicator: "gdp", spec: { kind: "cagr", rate: 0.05 }, reason: "test" },
    {
      scope: "*",
      indicator: "population_resident",
      spec: { kind: "cagr", rate: -0.002 },
      from: 2028,
      reason: "test",
    },
    { scope: "qilin", indicator: "secondary_va", spec: { kind: "auto" }, reason: "test" },
    {
      scope: "xuanwei",
      indicator: "gdp",
      spec: { kind: "holt", damped: true },
      reason: "test",
    },
  ],
  shocks: [
    { scope: "qilin", indicator: "gdp", type: "level", size: -0.03, from: 2026, reason: "test" },
    {
      scope: "*",
      indicator: "tertiary_va",
      type: "growth",
      size: 0.01,
      from: 2025,
      to: 2027,
      reason: "test",
    },
  ],
  overrides: [{ scope: "malong", indicator: "gdp", year: 2025, value: 520, reason: "test" }],
  uncertainty: [{ scope: "*", indicator: "gdp", sigma: 0.04, phi: 0.3, reason: "test" }],
};

/** The plan scenario on quality C data too, to 2030. */
const planQualityC: ScenarioInput = {
  id: "plan-c",
  nameEn: "Plan with quality C",
  description: "plan, fitted on quality C data too, projected to 2030",
  extends: "plan",
  useQualityC: true,
  toYear: 2030,
};

/** A later year of Qilin's GDP, added as data. */
const addedData: Observation[] = [
  {
    place: "qilin",
    indicator: "gdp",
    year: 2022,
    value: 1100,
    unit: "100M yuan",
    source: "test",
    quality: "B",
  },
];

export function goldenCases(): GoldenCase[] {
  const formula = formulaPack(
    [GDP_PER_CAPITA, GDP_PER_CAPITA_RATIO],
    [levelTarget("east-per-capita", "east", 40000), levelTarget("all-per-capita", "all", 30000)],
  );
  return [
    ...qujingPack.scenarios.map((s) => ({
      id: `qujing-${s.id}`,
      pack: qujingPack,
      scenario: s.id,
    })),
    { id: "qujing-trend-variant", pack: qujingPack, scenario: trendVariant },
    { id: "qujing-plan-c", pack: qujingPack, scenario: planQualityC },
    { id: "qujing-trend-data", pack: qujingPack, scenario: "trend", data: addedData },
    { id: "synthetic", pack: syntheticPack(), scenario: baseScenario },
    { id: "county", pack: countyPack(), scenario: countyScenario },
    { id: "formula", pack: formula, scenario: uncertain },
    { id: "priced", pack: pricedPack(), scenario: pricedScenario },
    {
      id: "qujing-downside-simulated",
      pack: qujingPack,
      scenario: "downside",
      simulate: { paths: 2048, seed: 1 },
    },
    {
      id: "formula-simulated",
      pack: formula,
      scenario: uncertain,
      simulate: { paths: 3000, seed: 7 },
    },
  ];
}

/** A short digest of a value's JSON. */
export function digest(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value) ?? "undefined")
    .digest("hex")
    .slice(0, 16);
}

/**
 * The digests of an object's parts, so that a difference is located: each top-level field, and
 * each element of a top-level array (`rows[3]`), and the whole (`*`).
 */
export function partDigests(value: object): Record<string, string> {
  const out: Record<string, string> = { "*": digest(value) };
  for (const [key, part] of Object.entries(value)) {
    if (Array.isArray(part)) {
      out[`${key}.length`] = String(part.length);
      part.forEach((element, i) => {
        out[`${key}[${i}]`] = digest(element);
      });
    } else out[key] = digest(part);
  }
  return out;
}
