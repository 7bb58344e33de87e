// The three standard scenarios of a pack built from a panel — trend, plan, downside — as the
// Qujing pack's (src/packs/qujing/qujingScenarios.ts) made generic: the trend uses the library's
// backtested defaults by indicator kind, the plan follows the targets given, the downside slows
// output growth by an amount read from the city's own GDP history.

import type { Indicator } from "../../schemas/indicator.js";
import type { ModelAssumption, Scenario, Shock } from "../../schemas/scenario.js";
import type { Target } from "../../schemas/target.js";

/** Output levels the downside slows. */
const OUTPUT = ["gdp", "primary_va", "secondary_va", "tertiary_va"] as const;
/** Yearly growth rates of the city's GDP the downside reads: the latest ten. */
const RECENT_RATES = 10;
/** Fewest growth rates a quartile is read from; with fewer the downside adds no shock. */
const MIN_RATES = 4;
/** The quantile of yearly growth the downside takes as a weak year: the lower quartile. */
const WEAK_YEAR = 0.25;
/**
 * A gap between a typical and a weak year above 10 points a year says the series is too erratic
 * (data revisions, a boom and bust) to read a slowdown from: across the prefecture-level cities
 * of cn-panels' prefecture panel the gap over the latest ten rates has a median of 2.6 points and
 * a 90th percentile of 5.3 (a handful exceed 10).
 */
const MAX_GAP = 0.1;

/** What the scenarios are made from. */
export interface ScenarioInputs {
  readonly indicators: readonly Indicator[];
  readonly targets: readonly Target[];
  /** The city's GDP by year (its own series, else the sum of its places where all have one). */
  readonly cityGdp: readonly { readonly year: number; readonly value: number }[];
  /** Where the city's GDP says so: "the city's own series" or "the sum of its places". */
  readonly cityGdpWhat: string;
  /** Years at which GDP starts a new basis: growth is not read across them. */
  readonly gdpBreaks: readonly number[];
  /** The latest observed year of each indicator, over every place and the city. */
  readonly lastYear: ReadonlyMap<string, number>;
  readonly toYear: number;
}

/**
 * The `p`-quantile of `xs` by linear interpolation between order statistics, definition 7 of
 * Hyndman & Fan (1996), "Sample quantiles in statistical packages" (R's default): with the
 * values sorted, x[h] interpolated at h = (n − 1)p.
 */
export function quantile7(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const a = s[lo] as number;
  const b = s[Math.min(lo + 1, s.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** Yearly growth rates (fractions) of consecutive years, not across a break, latest last. */
export function yearlyGrowth(
  series: readonly { readonly year: number; readonly value: number }[],
  breaks: readonly number[],
): { year: number; rate: number }[] {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const out: { year: number; rate: number }[] = [];
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1] as { year: number; value: number };
    const b = sorted[k] as { year: number; value: number };
    if (b.year !== a.year + 1 || breaks.includes(b.year) || !(a.value > 0)) continue;
    out.push({ year: b.year, rate: b.value / a.value - 1 });
  }
  return out;
}

const pct = (x: number, digits = 2) => `${(100 * x).toFixed(digits)}%`;

function trend(inputs: ScenarioInputs): Scenario {
  const ids = (kind: Indicator["kind"], scale: Indicator["scale"]) =>
    inputs.indicators.filter((i) => i.kind === kind && i.scale === scale).map((i) => i.id);
  const models: ModelAssumption[] = [
    {
      scope: "*",
      indicator: "*",
      spec: { kind: "theta" },
      reason:
        "Levels (GDP, value added, population, investment) follow the Theta method (SES with drift " +
        "at half the fitted trend slope; Hyndman & Billah 2003) fitted on quality A/B data; a " +
        "series break is a level shift, not growth. It is the library's default for levels: the " +
        "most accurate and least biased model when the GDP of all Chinese prefecture-level units " +
        "was forecast 1–5 years ahead (docs/backtest.md).",
    },
    ...ids("rate", "logit").map(
      (indicator): ModelAssumption => ({
        scope: "*",
        indicator,
        spec: { kind: "drift" },
        reason:
          "A percentage in (0, 100) follows a random walk with drift on the logit scale, which " +
          "slows near the bounds; it had the best interval coverage in the backtest of the " +
          "tertiary-industry share of all prefecture-level units (docs/backtest.md).",
      }),
    ),
    ...ids("rate", "linear").map(
      (indicator): ModelAssumption => ({
        scope: "*",
        indicator,
        spec: { kind: "naive" },
        reason:
          "A growth rate (% on the previous year) does not trend: its last value is carried forward.",
      }),
    ),
  ];
  return {
    id: "trend",
    nameEn: "Trend: recent data continue",
    nameZh: "趋势情景",
    description:
      "Continues what the observed data show, with the library's models per indicator kind fitted " +
      "on quality A/B observations, series breaks read as level shifts. Places and years the " +
      "panel lacks are not filled in: a target whose series has no observation is reported as " +
      "needing data.",
    models,
    overrides: [],
    shocks: [],
    references: [],
    uncertainty: [],
    useQualityC: false,
    toYear: inputs.toYear,
  };
}

function plan(inputs: ScenarioInputs): Scenario {
  const levels = new Map<
    string,
    { scope: string; indicator: string; values: Record<string, number>; ids: string[] }
  >();
  const growth: Target[] = [];
  const other: string[] = [];
  for (const t of inputs.targets) {
    if (t.kind === "level" && t.year !== null) {
      const key = `${t.scope}|${t.indicator}`;
      const entry = levels.get(key) ?? {
        scope: t.scope,
        indicator: t.indicator,
        values: {},
        ids: [],
      };
      entry.values[String(t.year)] = t.value;
      entry.ids.push(t.id);
      levels.set(key, entry);
    } else if (t.kind === "growth" && Math.abs(t.value) < 100) growth.push(t);
    else other.push(t.id);
  }
  const models: ModelAssumption[] = [...levels.values()].map((l) => ({
    scope: l.scope,
    indicator: l.indicator,
    spec: { kind: "path", values: l.values },
    reason: `The plan's level target${l.ids.length === 1 ? "" : "s"} ${l.ids.join(", ")}: a path from the latest observation to exactly ${Object.entries(
      l.values,
    )
      .map(([y, v]) => `${v} in ${y}`)
      .join(", ")}, flat afterwards.`,
  }));
  for (const t of growth) {
    if (levels.has(`${t.scope}|${t.indicator}`)) {
      other.push(t.id);
      continue;
    }
    models.push({
      scope: t.scope,
      indicator: t.indicator,
      spec: { kind: "cagr", rate: t.value / 100 },
      reason: `The plan's growth target ${t.id}: ${t.value}% a year from the latest observation.`,
    });
  }
  const none = inputs.targets.length === 0;
  return {
    id: "plan",
    nameEn: "Plan: the growth the targets imply",
    nameZh: "规划情景",
    description: none
      ? "The trend scenario: no targets were given, so there is no plan pace to follow. Build the pack with targets to make this scenario follow them."
      : "Projects each series a level or growth target names at the plan's pace from its latest " +
        "observation: a path to the target's value in its year, or growth at exactly the target " +
        "rate; everything else keeps the trend scenario's models. It shows what the plan asks for " +
        `from here, not what is likely.${other.length === 0 ? "" : ` Not translated into a model (a share, count, rank or class target, or a growth target on a series that has a level target): ${other.join(", ")}.`}`,
    extends: "trend",
    models,
    overrides: [],
    shocks: [],
    references: [],
    uncertainty: [],
    useQualityC: false,
    toYear: inputs.toYear,
  };
}

function downside(inputs: ScenarioInputs): Scenario {
  const rates = yearlyGrowth(inputs.cityGdp, inputs.gdpBreaks).slice(-RECENT_RATES);
  const present = new Set(inputs.indicators.map((i) => i.id));
  const base = {
    id: "downside",
    nameEn: "Downside: slower output growth",
    nameZh: "下行情景",
    extends: "trend",
    models: [],
    overrides: [],
    references: [],
    uncertainty: [],
    useQualityC: false,
    toYear: inputs.toYear,
  };
  if (rates.length < MIN_RATES)
    return {
      ...base,
      description: `The trend scenario: the city's GDP (${inputs.cityGdpWhat}) has ${rates.length} yearly growth rate${rates.length === 1 ? "" : "s"} outside series breaks, fewer than the ${MIN_RATES} a slowdown is read from, so no slowdown is assumed. Give the prefecture panel for the city's own GDP series.`,
      shocks: [],
    };
  const growth = rates.map((r) => r.rate);
  const median = quantile7(growth, 0.5);
  const weak = quantile7(growth, WEAK_YEAR);
  const size = -(median - weak);
  const span = `${(rates[0] as { year: number }).year - 1}–${(rates[rates.length - 1] as { year: number }).year}`;
  const read =
    `The city's GDP (${inputs.cityGdpWhat}) grew by a median ${pct(median)} a year over its latest ` +
    `${rates.length} yearly growth rates (${span}, none across a series break), and by ${pct(weak)} ` +
    "at the lower quartile (Hyndman & Fan definition 7)";
  if (-size >= MAX_GAP)
    return {
      ...base,
      description: `The trend scenario: ${read}, a gap of ${pct(-size)} too large to apply year after year, so no slowdown is assumed.`,
      shocks: [],
    };
  const why =
    `${read}: a weak year, one in four, is ${pct(-size)} below a typical one. Here every year ` +
    `after the data is such a year: growth g becomes (1 + g)(1 − ${(-size).toFixed(4)}) − 1, ` +
    "and the lost level persists. A stress test, not a forecast.";
  const shocks: Shock[] = OUTPUT.filter((id) => present.has(id)).map((indicator) => {
    const from = (inputs.lastYear.get(indicator) ?? inputs.toYear - 1) + 1;
    return {
      scope: "*",
      indicator,
      type: "growth",
      size,
      from,
      to: Math.max(from, inputs.toYear),
      reason: `${why} From ${from}, the year after the latest observation of ${indicator}.`,
    };
  });
  return {
    ...base,
    description:
      `The trend scenario with output (GDP and value added) growing ${pct(-size)} a year slower ` +
      "from the year after the data: the gap between the city's median and lower-quartile yearly " +
      "GDP growth in its recent data, as if every year were a weak one. Population and investment keep the trend.",
    shocks,
  };
}

/**
 * The scenarios `trend`, `plan` and `downside` of a pack built from a panel (see
 * `buildPackFromPanel`): every assumption with its reason.
 */
export function panelScenarios(inputs: ScenarioInputs): Scenario[] {
  return [trend(inputs), plan(inputs), downside(inputs)];
}
