/**
 * Calibrates the library's shared uncertainty model by horizon on the national panels and writes
 * `src/scenarios/intervalCalibration.generated.ts`:
 *
 * - forecasts: a rolling-origin backtest (origins 2008–2017, horizons 1–5, the last 10 years up
 *   to each origin, never across the 2019 break) of each calibrated model kind on the GDP (log
 *   scale) and the tertiary share (logit scale) of every prefecture-level unit
 *   (`data/china-prefecture-gdp/CRE_Gdpct.csv`) and every county-level unit of the shared county
 *   panel (`cn-panels/county_panel.csv`), the series rules of `npm run backtest`;
 * - scores: each error on the modelling scale divided by the spread the uncertainty model gives
 *   the series at its horizon, `cumulatedShockSd(sigma, phi, h)` with the series' sigma from its
 *   training window as `estimateUncertainty` gives it and the default phi (`scaledErrors.ts`);
 * - factors: per scale, kind and horizon, the split-conformal quantile of the absolute scores at
 *   80% over z_0.9 (Lei et al. 2018), both panels pooled.
 *
 * It also prints the coverage of the 80% interval before and after calibration by level, scale,
 * kind and horizon, cross-fitted on provinces: the factors fitted on one half of the provinces
 * (provinces sorted by code, dealt alternately) and scored on the other half, and the other way
 * round — coverage on provinces the calibration did not see.
 *
 * Run with `npm run calibrate-intervals` (needs the shared county panel: `--shared DIR` or
 * `$REGIONSIM_SHARED`). A test checks that the committed module equals what this script
 * produces when the shared data are present.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { backtest } from "../src/analysis/backtest.js";
import type { BacktestSeries } from "../src/analysis/backtestOptions.js";
import { readCountyPanel } from "../src/io/readCountyPanel.js";
import { readPrefecturePanel } from "../src/io/readPrefecturePanel.js";
import { countyPanelSeries, countyProvinces, scoredUnits } from "./backtest/countySeries.js";
import { panelSeries } from "./backtest/prefectureSeries.js";
import { wholePercent } from "./backtest/tables.js";
import {
  CALIBRATION_PHI,
  type CalibrationScale,
  calibratedCoverage,
  crossFittedCoverage,
  factorsByHorizon,
  modelSigma,
  provinceFolds,
  type ScoredError,
  scaledError,
} from "./calibration/scaledErrors.js";
import { countyPanelPath, repoRoot, sharedDir } from "./cn-panels.js";

export const calibrationPaths = {
  prefecture: "data/china-prefecture-gdp/CRE_Gdpct.csv",
  module: "src/scenarios/intervalCalibration.generated.ts",
} as const;

/** The model kinds calibrated, in table order (add a kind here and regenerate). */
/**
 * The calibrated kinds; `auto` is scored as `{ kind: "auto", method: "combine" }`, the default model
 * of levels (a scenario's `auto` with selection takes the same factors).
 */
export const CALIBRATED_KINDS = ["naive", "drift", "theta", "auto"] as const;
/** Nominal level of the calibrated interval. */
export const CALIBRATION_LEVEL = 0.8;
export const ORIGINS: readonly number[] = Array.from({ length: 10 }, (_, i) => 2008 + i);
export const HORIZONS = 5;
export const WINDOW = 10;

type Level = "prefecture" | "county";
interface LevelSeries {
  readonly level: Level;
  readonly scale: CalibrationScale;
  readonly series: readonly BacktestSeries[];
  /** Province code (two digits) of each series id. */
  readonly province: ReadonlyMap<string, string>;
}

/** The series of both panels: GDP (log) and the tertiary share (logit) at each level. */
export function calibrationSeries(prefectureText: string, countyText: string): LevelSeries[] {
  const pre = readPrefecturePanel(prefectureText, { file: calibrationPaths.prefecture });
  if (!pre.ok) throw new Error(`${calibrationPaths.prefecture}: ${pre.issues.length} issue(s)`);
  const cty = readCountyPanel(countyText, { file: "county_panel.csv" });
  if (!cty.ok) throw new Error(`county_panel.csv: ${cty.issues.length} issue(s)`);
  const countyProvince = countyProvinces(cty.value);
  const out: LevelSeries[] = [];
  for (const [indicator, scale] of [
    ["gdp", "log"],
    ["tertiary", "logit"],
  ] as const) {
    const ps = panelSeries(pre.value, indicator);
    out.push({
      level: "prefecture",
      scale,
      series: ps,
      province: new Map(ps.map((s) => [s.id, s.id.slice(0, 2)])),
    });
    const cs = countyPanelSeries(cty.value, indicator).series.filter((s) =>
      countyProvince.has(s.id),
    );
    out.push({ level: "county", scale, series: cs, province: countyProvince });
  }
  return out;
}

/** Every scored forecast of every calibrated kind, as scaled errors with its province fold. */
export function scoredErrors(
  levels: readonly LevelSeries[],
  window: number = WINDOW,
): Map<CalibrationScale, ScoredError[]> {
  const folds = provinceFolds(levels.flatMap((l) => [...l.province.values()]));
  const out = new Map<CalibrationScale, ScoredError[]>([
    ["log", []],
    ["logit", []],
  ]);
  for (const l of levels) {
    const byId = new Map(l.series.map((s) => [s.id, s]));
    const sigmas = new Map<string, number>();
    const result = backtest(
      l.series,
      CALIBRATED_KINDS.map((kind) => (kind === "auto" ? { kind, method: "combine" } : { kind })),
      {
        origins: ORIGINS,
        horizon: HORIZONS,
        trainingYears: window,
        keepForecasts: true,
        ...(l.scale === "logit" ? { fit: { scale: "logit", bounds: [0, 100] } } : {}),
      },
    );
    const list = out.get(l.scale) as ScoredError[];
    for (const model of result.models) {
      for (const f of model.forecasts ?? []) {
        const key = `${f.series}\u0000${f.origin}`;
        let sigma = sigmas.get(key);
        if (sigma === undefined) {
          sigma = modelSigma(byId.get(f.series) as BacktestSeries, f.origin, window, l.scale);
          sigmas.set(key, sigma);
        }
        const u = scaledError(f, sigma, CALIBRATION_PHI, l.scale);
        const fold = folds.get(l.province.get(f.series) as string);
        if (u === undefined || fold === undefined) continue;
        list.push({ kind: model.spec.kind, horizon: f.horizon, u, fold, level: l.level });
      }
    }
  }
  return out;
}

/** The rows of the coverage tables: level × indicator (its scale) × calibrated model kind. */
const TABLE_ROWS = (["prefecture", "county"] as const).flatMap((level) =>
  (
    [
      ["log", "GDP"],
      ["logit", "tertiary share"],
    ] as const
  ).flatMap(([scale, name]) => CALIBRATED_KINDS.map((kind) => ({ level, scale, name, kind }))),
);

/** A coverage table's header: level, indicator, model, a column per horizon, then `extra`. */
function tableHeader(extra?: string): string[] {
  const hs = Array.from({ length: HORIZONS }, (_, k) => `h = ${k + 1}`);
  const more = extra === undefined ? ["", ""] : [` ${extra} |`, " --- |"];
  return [
    `| level | indicator | model | ${hs.join(" | ")} |${more[0]}`,
    `| --- | --- | --- | ${hs.map(() => "---:").join(" | ")} |${more[1]}`,
  ];
}

/** The cross-fitted coverage tables (Markdown), before and after calibration. */
export function coverageTables(errors: ReadonlyMap<CalibrationScale, ScoredError[]>): string {
  const lines = tableHeader(`uncalibrated (h = 1 → ${HORIZONS})`);
  const ones = new Array<number>(HORIZONS).fill(1);
  for (const { level, scale, name, kind } of TABLE_ROWS) {
    const of = (errors.get(scale) ?? []).filter((e) => e.kind === kind);
    const after = crossFittedCoverage(of, HORIZONS, CALIBRATION_LEVEL, (e) => e.level === level);
    // Uncalibrated: every factor 1.
    const before = calibratedCoverage(
      of.filter((e) => e.level === level),
      ones,
      CALIBRATION_LEVEL,
    );
    lines.push(
      `| ${level} | ${name} | ${kind} | ${after.map(wholePercent).join(" | ")} | ${before.map(wholePercent).join(", ")} |`,
    );
  }
  return lines.join("\n");
}

/** The generated module from the scored errors. */
export function renderCalibration(
  errors: ReadonlyMap<CalibrationScale, ScoredError[]>,
  counts: { prefecture: number; county: number },
): string {
  const round = (x: number) => Number(x.toPrecision(4));
  const block = (scale: CalibrationScale) =>
    CALIBRATED_KINDS.map((kind) => {
      const of = (errors.get(scale) ?? []).filter((e) => e.kind === kind);
      const f = factorsByHorizon(of, HORIZONS, CALIBRATION_LEVEL).map(round);
      return `    ${JSON.stringify(kind)}: [${f.join(", ")}],`;
    });
  const n = (scale: CalibrationScale) => (errors.get(scale) ?? []).length;
  return [
    "// biome-ignore-all format: generated by scripts/calibrate-intervals.ts; do not edit by hand.",
    "// Regenerate with `npm run calibrate-intervals`; a test checks that this file matches the data.",
    "",
    "/**",
    " * Calibration of the shared uncertainty model by horizon: per modelling scale and model kind,",
    " * the factor by which the spread of the cumulated shocks after h = 1 … 5 years is multiplied so",
    ` * that the ${100 * CALIBRATION_LEVEL}% interval covers ${100 * CALIBRATION_LEVEL}% of forecast errors: the split-conformal quantile`,
    " * of |error| / cumulatedShockSd(sigma, phi, h) over z_0.9 (Lei et al. 2018, JASA 113(523)), from a",
    ` * rolling-origin backtest (origins ${ORIGINS[0]}–${ORIGINS[ORIGINS.length - 1]}, the last ${WINDOW} years, never across the 2019 break) of`,
    ` * ${counts.prefecture} prefecture-level and ${counts.county} county-level units (CSMAR), GDP on the log scale (${n("log")} forecasts)`,
    ` * and the tertiary share on the logit scale (${n("logit")} forecasts), sigma as estimateUncertainty gives a`,
    ` * lone series, phi ${round(CALIBRATION_PHI)}. Horizons beyond ${HORIZONS} take the factor of ${HORIZONS}.`,
    " */",
    "export const INTERVAL_CALIBRATION = {",
    `  level: ${CALIBRATION_LEVEL},`,
    `  phi: ${round(CALIBRATION_PHI)},`,
    `  origins: "${ORIGINS[0]}–${ORIGINS[ORIGINS.length - 1]}",`,
    `  units: { prefecture: ${counts.prefecture}, county: ${counts.county} },`,
    "  log: {",
    ...block("log"),
    "  },",
    "  logit: {",
    ...block("logit"),
    "  },",
    "} as const;",
    "",
  ].join("\n");
}

/** Years of the short training window scored with the shipped factors (the three-point case). */
export const SHORT_WINDOW = 3;

/**
 * Coverage by horizon of the factors fitted on the 10-year windows (`errors`) on the forecasts of
 * the {@link SHORT_WINDOW}-year windows (`short`): what the shipped calibration gives a series of
 * three points, whose sigma is the default of its scale.
 */
export function shortWindowTable(
  errors: ReadonlyMap<CalibrationScale, ScoredError[]>,
  short: ReadonlyMap<CalibrationScale, ScoredError[]>,
): string {
  const lines = tableHeader();
  for (const { level, scale, name, kind } of TABLE_ROWS) {
    const factors = factorsByHorizon(
      (errors.get(scale) ?? []).filter((e) => e.kind === kind),
      HORIZONS,
      CALIBRATION_LEVEL,
    );
    const scored = (short.get(scale) ?? []).filter((e) => e.kind === kind && e.level === level);
    const cover = calibratedCoverage(scored, factors, CALIBRATION_LEVEL);
    lines.push(`| ${level} | ${name} | ${kind} | ${cover.map(wholePercent).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** Reads both panels, scores, and returns the module text and the coverage tables. */
export function runCalibration(
  shared: string,
  options: { short?: boolean } = {},
): { module: string; tables: string; short?: string } {
  const county = countyPanelPath(shared);
  const levels = calibrationSeries(
    readFileSync(join(repoRoot, calibrationPaths.prefecture), "utf8"),
    readFileSync(county, "utf8"),
  );
  const errors = scoredErrors(levels);
  const scoredIds = (level: Level) => {
    const l = levels.find((x) => x.level === level && x.scale === "log") as LevelSeries;
    return scoredUnits(l.series, ORIGINS, HORIZONS);
  };
  return {
    module: renderCalibration(errors, {
      prefecture: scoredIds("prefecture"),
      county: scoredIds("county"),
    }),
    tables: coverageTables(errors),
    ...(options.short === true
      ? { short: shortWindowTable(errors, scoredErrors(levels, SHORT_WINDOW)) }
      : {}),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--shared");
  const shared = sharedDir(at >= 0 ? process.argv[at + 1] : undefined);
  const t0 = performance.now();
  const { module, tables, short } = runCalibration(shared, { short: true });
  if (!process.argv.includes("--no-write"))
    writeFileSync(join(repoRoot, calibrationPaths.module), module);
  process.stdout.write(
    `${module}\n${tables}\n\nThe shipped factors on ${SHORT_WINDOW}-year training windows:\n\n${short}\n\n${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
  );
}
