/**
 * What `npm run backtest` runs for a level and a training window: the models, the runs (an
 * indicator, origins, horizons, training) and the data they read.
 *
 * - Default window (10 years): GDP pre-break on the window, GDP on the full history (without
 *   `auto`), GDP after the break, and the tertiary share pre-break on the window.
 * - Another window: the two pre-break runs on that window only (the full-history run does not
 *   depend on the window; the post-break run has two origins). Below 5 years the models that
 *   need more points than that (trend lines, Holt, damped Holt, logistic) are left out — they
 *   would mostly fall back — and the models compared are naive, drift, theta, theil-sen and auto.
 */
import type { BacktestOptions, BacktestSpec } from "../../src/analysis/backtestOptions.js";
import type { BacktestResult } from "../../src/analysis/backtestResult.js";
import type { BacktestLevel } from "./args.js";
import { DEFAULT_WINDOW } from "./args.js";
import type { CalibratedCover } from "./calibratedCover.js";
import type { CountyJump } from "./countySeries.js";

/** An indicator of a level. */
export type IndicatorId = "gdp" | "tertiary";

export interface Run {
  readonly title: string;
  readonly indicator: IndicatorId;
  readonly description: string;
  readonly specs: readonly BacktestSpec[];
  /**
   * Indices of `specs` fitted with a leave-one-out panel (`backtest`'s `panel` option: the other
   * units' training windows at the same origin); their label gets `+panel`.
   */
  readonly panelSpecs?: readonly number[];
  readonly options: BacktestOptions;
  /** Show the bias and MAPE by origin year (needs every forecast kept). */
  readonly byOrigin?: boolean;
}

/** Models for a level on the log scale, in table order. */
const LEVEL_SPECS: readonly BacktestSpec[] = [
  { kind: "naive" },
  { kind: "drift" },
  { kind: "trend", form: "loglinear" },
  { kind: "trend", form: "linear" },
  { kind: "trend", form: "loglinear", weighting: "escap" },
  { kind: "theil-sen" },
  { kind: "holt" },
  { kind: "holt", damped: true },
  { kind: "theta" },
  { kind: "auto" },
  { kind: "auto", method: "combine" },
  { kind: "drift" },
  { kind: "auto" },
];

/** Models for a rate on the logit scale (`trend` without a form follows the logit scale). */
const RATE_SPECS: readonly BacktestSpec[] = [
  { kind: "naive" },
  { kind: "drift" },
  { kind: "trend" },
  { kind: "trend", form: "linear" },
  { kind: "trend", weighting: "escap" },
  { kind: "theil-sen" },
  { kind: "holt" },
  { kind: "holt", damped: true },
  { kind: "theta" },
  { kind: "logistic" },
  { kind: "auto" },
  { kind: "auto", method: "combine" },
  { kind: "drift" },
  { kind: "auto" },
];

/** The models of a short window (fewer than {@link SHORT_WINDOW} years). */
const SHORT_SPECS: readonly BacktestSpec[] = [
  { kind: "naive" },
  { kind: "drift" },
  { kind: "theta" },
  { kind: "theil-sen" },
  { kind: "auto" },
  { kind: "auto", method: "combine" },
  { kind: "drift" },
  { kind: "auto" },
];
/** Damped Holt's minimum number of points: shorter windows use {@link SHORT_SPECS}. */
export const SHORT_WINDOW = 5;

/** Nominal GDP growth (fractions a year) of the synthetic targets of the verdict hit rate. */
const GDP_VERDICT = { form: "growth", rates: [0.05, 0.075, 0.1, 0.125] } as const;
/** Rise of the tertiary share (percentage points a year) of its synthetic targets. */
const SHARE_VERDICT = { form: "change", rates: [0, 0.5, 1, 2] } as const;

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Origins of the pre-break runs. */
export const PRE_BREAK_ORIGINS: readonly number[] = range(2008, 2017);
/** Longest horizon of the pre-break runs. */
export const PRE_BREAK_HORIZON = 5;

/** The data a level reads, as the tables name it. */
export const LEVEL_DATA: Readonly<Record<BacktestLevel, string>> = {
  prefecture: "data/china-prefecture-gdp/CRE_Gdpct.csv",
  county: "shared/data/cn-panels/county_panel.csv",
};

/** Indicator names in the tables, by level. */
export const INDICATOR_NAMES: Readonly<Record<BacktestLevel, Record<IndicatorId, string>>> = {
  prefecture: {
    gdp: "GDP at current prices (亿元, `Gdpct01`)",
    tertiary: "tertiary-industry share of GDP (%, `Gdpct04`)",
  },
  county: {
    gdp: "GDP at current prices (亿元, `gdp`)",
    tertiary: "tertiary-industry share of GDP (%, 100 × `tertiary_va` / `gdp`)",
  },
};

/** Indices of the specs of a list fitted with a panel: the last two (drift and auto). */
const lastTwo = (specs: readonly BacktestSpec[]): number[] => [specs.length - 2, specs.length - 1];

/** The generated block of docs/backtest.md a level and window write. */
export function blockId(level: BacktestLevel, window: number): string {
  return [
    "backtest",
    ...(level === "prefecture" ? [] : [level]),
    ...(window === DEFAULT_WINDOW ? [] : [`window-${window}`]),
  ].join(":");
}

/** The runs of a level and training window, in table order. */
export function backtestRuns(level: BacktestLevel, window: number): Run[] {
  const short = window < SHORT_WINDOW;
  const last = `the last ${window} years`;
  const since = level === "prefecture" ? "1990" : "2000";
  const preBreak: Run = {
    title: `GDP, pre-break, last ${window} years of training`,
    indicator: "gdp",
    description: `Origins 2008–2017, horizons 1–5 (target years up to 2018), each model fitted on ${last} up to the origin, log scale.`,
    specs: short ? SHORT_SPECS : LEVEL_SPECS,
    panelSpecs: lastTwo(short ? SHORT_SPECS : LEVEL_SPECS),
    options: {
      origins: PRE_BREAK_ORIGINS,
      horizon: PRE_BREAK_HORIZON,
      trainingYears: window,
      verdict: GDP_VERDICT,
      keepForecasts: true,
    },
    byOrigin: true,
  };
  const share: Run = {
    title: `Tertiary share (a rate), pre-break, last ${window} years of training`,
    indicator: "tertiary",
    description: `Origins 2008–2017, horizons 1–5, last ${window} years, logit scale on (0, 100). Verdict targets: the share at the origin plus 0, 0.5, 1 or 2 percentage points a year.`,
    specs: short ? SHORT_SPECS : RATE_SPECS,
    panelSpecs: lastTwo(short ? SHORT_SPECS : RATE_SPECS),
    options: {
      origins: PRE_BREAK_ORIGINS,
      horizon: PRE_BREAK_HORIZON,
      trainingYears: window,
      verdict: SHARE_VERDICT,
      fit: { scale: "logit", bounds: [0, 100] },
      keepForecasts: true,
    },
    byOrigin: true,
  };
  if (window !== DEFAULT_WINDOW) return [preBreak, share];
  const fullHistory: Run = {
    title: "GDP, pre-break, full history",
    indicator: "gdp",
    description: `The same origins and horizons, each model fitted on every year since the series starts (${since} for most units). Without \`auto\`: its cross-validation refits every candidate at every origin of the training series${level === "prefecture" ? ", which on 20–28 years costs about a minute" : ""}.`,
    specs: LEVEL_SPECS.filter((s) => s.kind !== "auto").slice(0, -1),
    options: { origins: PRE_BREAK_ORIGINS, horizon: PRE_BREAK_HORIZON, verdict: GDP_VERDICT },
  };
  const postBreak: Run = {
    title: "GDP, post-break",
    indicator: "gdp",
    description: `Origins 2019–2020, horizons 1–2 (target years 2020–2021), fitted on ${last} with the 2019 break passed to the models. Two origins only, and 2020 is the pandemic year: read it as a check that the models handle the break, not as a ranking.`,
    specs: LEVEL_SPECS,
    panelSpecs: lastTwo(LEVEL_SPECS),
    options: { origins: [2019, 2020], horizon: 2, trainingYears: window, verdict: GDP_VERDICT },
  };
  return [preBreak, fullHistory, postBreak, share];
}

/** Relative cost of one spec of a run, to start the longest jobs first. */
export function jobCost(run: Run, spec: BacktestSpec): number {
  const years = run.options.trainingYears ?? 25;
  const perFit =
    spec.kind === "auto"
      ? spec.method === "combine"
        ? 4
        : 4 * years
      : spec.kind === "holt"
        ? 2
        : 1;
  return perFit * run.options.origins.length * run.options.horizon;
}

/** How the series of one indicator were built. */
export interface DataNote {
  readonly series: number;
  /** Series with at least one scored forecast from the run's origins. */
  readonly scored: number;
  /** County level: units with a GDP row, values left out, jumps read as breaks. */
  readonly unitsWithGdp?: number;
  readonly valuesLeftOut?: number;
  readonly jumps?: readonly CountyJump[];
}

/** A run's merged output. */
export interface RunOutput {
  readonly run: Run;
  readonly data: DataNote;
  /** Seconds spent in each model, summed over threads. */
  readonly seconds: readonly number[];
  readonly skipped: readonly string[];
  readonly result: BacktestResult;
  /** Per model, the calibrated coverage of the shared uncertainty model (pre-break runs). */
  readonly calibrated?: readonly (CalibratedCover | undefined)[];
}
